-- Worker liveness: each workers process beats every WORKER_HEARTBEAT_SECONDS and records the id
-- graphile-worker locks its jobs with (its worker pool's). A process silent for WORKER_DEAD_AFTER_SECONDS
-- is declared dead: the janitor (lib/services/workers/release-dead-worker-locks.ts) frees the jobs it held,
-- so they run again within minutes instead of after graphile-worker's own 4-hour lock timeout, and stamps
-- `declared_dead_at`. A process that was only paused finds the stamp at its next beat and exits, so a job
-- handed to another process is not also finished by it.
ALTER TABLE "worker_heartbeats" ADD COLUMN "lock_ids" TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE "worker_heartbeats" ADD COLUMN "declared_dead_at" TIMESTAMP(3);
