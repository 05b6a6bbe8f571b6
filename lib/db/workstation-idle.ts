/** Idle auto-stop state on workstation rows, and the in-app notice an artist gets before a stop. */
import { db, type Tx } from './client';

export function listRunningForIdleCheck(siteId: string, tx: Tx = db()) {
  return tx.workstation.findMany({
    where: { siteId, desiredState: 'running', observedState: 'running', lost: false, instanceId: { not: null } },
    select: { id: true, name: true, instanceId: true, artistId: true, idleSince: true, idleWarnedAt: true },
  });
}

export async function markIdleSince(id: string, since: Date, tx: Tx): Promise<boolean> {
  const { count } = await tx.workstation.updateMany({ where: { id, idleSince: null }, data: { idleSince: since } });
  return count > 0;
}

export async function clearIdle(id: string, tx: Tx): Promise<boolean> {
  const { count } = await tx.workstation.updateMany({ where: { id, OR: [{ idleSince: { not: null } }, { idleWarnedAt: { not: null } }] }, data: { idleSince: null, idleWarnedAt: null } });
  return count > 0;
}

export async function markIdleWarned(id: string, since: Date, now: Date, tx: Tx): Promise<boolean> {
  const { count } = await tx.workstation.updateMany({ where: { id, idleWarnedAt: null, desiredState: 'running' }, data: { idleSince: since, idleWarnedAt: now } });
  return count > 0;
}

/** Stops for idleness only a machine still meant to run and still warned (the artist may have used it since). */
export async function stopIdle(id: string, tx: Tx): Promise<boolean> {
  const { count } = await tx.workstation.updateMany({ where: { id, desiredState: 'running', idleWarnedAt: { not: null } }, data: { desiredState: 'stopped', idleSince: null, idleWarnedAt: null } });
  return count > 0;
}

export async function notifyUser(n: { userId: string; kind: string; title: string; body: string; link: string }, tx: Tx): Promise<void> {
  await tx.notification.create({ data: n });
}
