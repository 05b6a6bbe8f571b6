/** Proves a worker process is alive: the Overview shows the age of the last beat. */
import { db } from '@/lib/db/client';

export async function recordHeartbeat(worker: { id: string; hostname: string; pid: number; startedAt: Date }, now = new Date()): Promise<void> {
  await db().workerHeartbeat.upsert({
    where: { workerId: worker.id },
    create: { workerId: worker.id, hostname: worker.hostname, pid: worker.pid, startedAt: worker.startedAt, beatAt: now },
    update: { beatAt: now, pid: worker.pid, startedAt: worker.startedAt },
  });
}
