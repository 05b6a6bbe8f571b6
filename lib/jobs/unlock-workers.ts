/**
 * Frees the jobs (and named queues) a set of graphile-worker lock ids holds, so another process takes
 * them at once. graphile-worker itself frees a lock only after 4 hours; our janitor calls this for
 * processes it knows are dead (lib/services/workers/release-dead-worker-locks.ts).
 *
 * Each freed job carries `reason` as its last error. A job whose attempts are used up (graphile-worker
 * counts an attempt when a job is taken, so a job that kills its process each time stops being retried)
 * is not run again: the reason then says why it gave up.
 */
import type { Tx } from '@/lib/db/client';

export type FreedJob = { id: string; task: string; key: string | null; exhausted: boolean };

export async function forceUnlockWorkers(tx: Tx, lockIds: string[], reason: string): Promise<FreedJob[]> {
  if (!lockIds.length) return [];
  const jobs = await tx.$queryRaw<FreedJob[]>`
    SELECT id::text AS id, task_identifier AS task, key, attempts >= max_attempts AS exhausted
    FROM graphile_worker.jobs WHERE locked_by = ANY(${lockIds}::text[]) ORDER BY id`;
  // graphile-worker's jobs view is read-only; its table is where a job's last error lives.
  await tx.$executeRaw`UPDATE graphile_worker._private_jobs SET last_error = ${reason} WHERE locked_by = ANY(${lockIds}::text[])`;
  await tx.$executeRaw`SELECT graphile_worker.force_unlock_workers(${lockIds}::text[])`;
  return jobs;
}
