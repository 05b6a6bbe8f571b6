-- Worker liveness: each workers process beats every WORKER_HEARTBEAT_SECONDS and records the id
-- graphile-worker locks its jobs with (its worker pool's). A process silent for WORKER_DEAD_AFTER_SECONDS is dead: the
-- janitor (lib/services/workers/release-dead-worker-locks.ts) frees the jobs it held, so they run again
-- within minutes instead of after graphile-worker's own 4-hour lock timeout.
ALTER TABLE "worker_heartbeats" ADD COLUMN "lock_ids" TEXT[] NOT NULL DEFAULT '{}';
