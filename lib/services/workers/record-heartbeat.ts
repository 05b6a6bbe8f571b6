/**
 * Proves a workers process is alive: the Overview shows the age of the last beat, and the janitor
 * (release-dead-worker-locks.ts) takes a process whose beats stopped for dead and frees its jobs.
 */
import { db } from '@/lib/db/client';

export type WorkerIdentity = { id: string; hostname: string; pid: number; startedAt: Date };

/** `lockIds`: the ids graphile-worker locks this process's jobs with (its worker pool's). */
export async function recordHeartbeat(worker: WorkerIdentity, lockIds: string[], now = new Date()): Promise<void> {
  await db().workerHeartbeat.upsert({
    where: { workerId: worker.id },
    create: { workerId: worker.id, hostname: worker.hostname, pid: worker.pid, startedAt: worker.startedAt, beatAt: now, lockIds },
    update: { beatAt: now, lockIds },
  });
}
