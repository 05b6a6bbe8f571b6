/**
 * The workers process: graphile-worker over the app's Postgres. Durable jobs, retries with backoff, cron,
 * and any number of processes on any number of machines (jobs are taken with SKIP LOCKED).
 * SIGTERM/SIGINT drain: running jobs finish, no new ones start, then the process exits.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import { run, type Runner, type WorkerEvents } from 'graphile-worker';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import { disconnectDb } from '@/lib/db/client';
import { isConnectionLoss } from '@/lib/db/connection-loss';
import { prepareDatabase } from '@/lib/db/prepare';
import { startPublishScanner } from '@/lib/services/shots/publish-scanner';
import { startLiveness } from './liveness';
import { buildTaskList, CRONTAB, onWorkersStarted } from './tasks';

async function main() {
  const e = env();
  const worker = { id: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, hostname: hostname(), pid: process.pid, startedAt: new Date() };
  await prepareDatabase(e.DATABASE_URL);
  // The id graphile-worker locks this process's jobs with (its worker pool's): the heartbeat records it,
  // so the jobs of this process can be freed if it is killed (workers/liveness.ts).
  const lockIds = new Set<string>();
  const events: WorkerEvents = new EventEmitter();
  events.on('pool:create', ({ workerPool }) => lockIds.add(workerPool.id));
  const runner: Runner = await run({
    connectionString: e.DATABASE_URL,
    concurrency: e.WORKER_CONCURRENCY,
    noHandleSignals: true,
    pollInterval: 2000,
    taskList: buildTaskList(),
    crontab: CRONTAB,
    events,
  });
  const liveness = startLiveness(worker, () => [...lockIds], e.WORKER_HEARTBEAT_SECONDS * 1000, () => {
    // Exit without draining: the jobs still running here belong to other processes now. The supervisor
    // (systemd, the container runtime) starts a fresh process. A lone process is never declared dead:
    // its own beat comes before its own janitor pass.
    logger.fatal({ workerId: worker.id, deadAfterSeconds: e.WORKER_DEAD_AFTER_SECONDS }, 'this workers process was declared dead by a peer (silent too long) and its jobs were handed on; exiting');
    process.exit(1);
  });
  await liveness.beat();
  logger.info({ workerId: worker.id, concurrency: e.WORKER_CONCURRENCY }, 'workers started');
  await onWorkersStarted();
  // The Shot Publish watcher lives beside the runner; a database lock lets one process of the fleet hold it.
  const scanner = startPublishScanner({ usePolling: e.SHOTS_WATCH_POLL_MS > 0, pollIntervalMs: e.SHOTS_WATCH_POLL_MS || undefined });

  let stopping = false;
  const drain = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'workers draining');
    liveness.stop();
    await runner.stop();
    await scanner.stop();
    await disconnectDb();
    process.exit(0);
  };
  process.on('SIGTERM', () => void drain('SIGTERM'));
  process.on('SIGINT', () => void drain('SIGINT'));
  await runner.promise;
}

// graphile-worker 0.17 leaves a promise unhandled when the database goes away while it records a job's
// failure (its batched failJobs; seen in tests/drills/postgres-restarted). Its runner reconnects and the
// job is repeated later, so a lost connection is logged and survived. Anything else is a bug: exit, so
// the supervisor starts a clean process.
process.on('unhandledRejection', (reason) => {
  if (isConnectionLoss(reason)) {
    logger.error({ err: reason }, 'database connection lost during a background write; continuing');
    return;
  }
  logger.fatal({ err: reason }, 'unhandled rejection');
  process.exit(1);
});

main().catch((err) => {
  logger.fatal({ err }, 'workers failed to start');
  process.exit(1);
});
