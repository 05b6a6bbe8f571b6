/**
 * Proves a workers process is alive: the Overview shows the age of the last beat, and the janitor
 * (release-dead-worker-locks.ts) takes a process whose beats stopped for dead and frees its jobs.
 */
import { db } from '@/lib/db/client';

export type WorkerIdentity = { id: string; hostname: string; pid: number; startedAt: Date };

/**
 * `lockIds`: the ids graphile-worker locks this process's jobs with (its worker pool's). Returns
 * `declared-dead` when the janitor has already handed this process's jobs to others (it was silent too
 * long: paused, cut off); the beat is then not recorded, and the process must stop working.
 */
export async function recordHeartbeat(worker: WorkerIdentity, lockIds: string[], now = new Date()): Promise<'alive' | 'declared-dead'> {
  const beat = await db().workerHeartbeat.updateMany({ where: { workerId: worker.id, declaredDeadAt: null }, data: { beatAt: now, lockIds } });
  if (beat.count) return 'alive';
  const known = await db().workerHeartbeat.findUnique({ where: { workerId: worker.id }, select: { declaredDeadAt: true } });
  if (known) return 'declared-dead';
  await db().workerHeartbeat.create({ data: { workerId: worker.id, hostname: worker.hostname, pid: worker.pid, startedAt: worker.startedAt, beatAt: now, lockIds } });
  return 'alive';
}
