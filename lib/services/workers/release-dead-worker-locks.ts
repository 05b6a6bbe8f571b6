/**
 * The janitor for killed workers processes. A process SIGKILLed, OOM-killed or cut off with its machine
 * keeps its jobs locked: graphile-worker frees such a lock only after 4 hours, and until then that job
 * (a site's reconcile chain, a bring-up step, a webhook delivery) waits. Every process beats every
 * WORKER_HEARTBEAT_SECONDS with the id graphile-worker locks its jobs with; one silent for WORKER_DEAD_AFTER_SECONDS
 * is dead, and its jobs are freed here and run again (every task is idempotent: see docs/architecture.md).
 *
 * Live processes call this on each beat; `FOR UPDATE SKIP LOCKED` lets two of them run it at once
 * without freeing the same worker twice. A process that was alive but silent past the threshold (a
 * paused VM, a long database outage) is fenced: its row is stamped `declared_dead_at`, its next beat
 * sees that, and it exits (workers/liveness.ts) rather than finish jobs now handed to others. The
 * threshold is ≥ 3 beats so that a merely slow beat is not taken for death.
 */
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { forceUnlockWorkers } from '@/lib/jobs/unlock-workers';
import { systemActor } from '@/lib/domain/auth/actor';
import { audit } from '@/lib/services/audit';

export type ReleasedWorker = { workerId: string; hostname: string; pid: number; lastBeatAt: Date; jobs: number };

type DeadRow = { worker_id: string; hostname: string; pid: number; beat_at: Date; lock_ids: string[] };

/** The start of the last error a freed job carries. */
export const DIED = 'The workers process running this job stopped beating';

/** Heartbeat rows of processes gone this long are deleted: the table keeps a week of history. */
const KEEP_MS = 7 * 24 * 3600_000;

export async function releaseDeadWorkerLocks(opts: { now?: Date; deadAfterSeconds?: number } = {}): Promise<ReleasedWorker[]> {
  const now = opts.now ?? new Date();
  const deadBefore = new Date(now.getTime() - (opts.deadAfterSeconds ?? env().WORKER_DEAD_AFTER_SECONDS) * 1000);
  return db().$transaction(async (tx) => {
    const dead = await tx.$queryRaw<DeadRow[]>`
      SELECT worker_id, hostname, pid, beat_at, lock_ids FROM worker_heartbeats
      WHERE beat_at < ${deadBefore} AND declared_dead_at IS NULL
      ORDER BY worker_id FOR UPDATE SKIP LOCKED`;
    const released: ReleasedWorker[] = [];
    for (const w of dead) {
      const silentSince = w.beat_at.toISOString();
      const jobs = await forceUnlockWorkers(tx, w.lock_ids, `${DIED} (pid ${w.pid} on ${w.hostname}, silent since ${silentSince}); freed at ${now.toISOString()}`);
      await tx.workerHeartbeat.update({ where: { workerId: w.worker_id }, data: { lockIds: [], declaredDeadAt: now } });
      released.push({ workerId: w.worker_id, hostname: w.hostname, pid: w.pid, lastBeatAt: w.beat_at, jobs: jobs.length });
      if (!jobs.length) continue;
      const names = [...new Set(jobs.map((j) => j.task))].join(', ');
      const exhausted = jobs.filter((j) => j.exhausted).length;
      const gaveUp = exhausted ? `; ${exhausted} of them had no attempt left and will not run again` : '';
      await audit(tx, systemActor('workers'), 'workers.locks_released', { type: 'worker', id: w.worker_id },
        `Freed ${jobs.length} job${jobs.length === 1 ? '' : 's'} (${names}) held by workers process ${w.pid} on ${w.hostname}, silent since ${silentSince}${gaveUp}`,
        { jobs: jobs.map((j) => ({ id: j.id, task: j.task, key: j.key, exhausted: j.exhausted })), lastBeatAt: silentSince });
    }
    await tx.workerHeartbeat.deleteMany({ where: { beatAt: { lt: new Date(now.getTime() - KEEP_MS) } } });
    return released;
  });
}
