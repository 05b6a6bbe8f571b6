/** Orphan instances: tagged `studio:managed=true` in a site's region, claimed by no workstation row. */
import type { KnownOrphan, ObservedInstance } from '@/lib/domain/workstations/types';
import { db, type Tx } from './client';

export function listKnownOrphans(siteId: string, tx: Tx = db()): Promise<KnownOrphan[]> {
  return tx.orphanInstance.findMany({ where: { siteId }, select: { instanceId: true, state: true, instanceType: true } });
}

export function listOrphans(siteId?: string, tx: Tx = db()) {
  return tx.orphanInstance.findMany({
    where: { siteId: siteId || undefined },
    orderBy: [{ firstSeenAt: 'asc' }],
    include: { site: { select: { id: true, name: true, region: true } } },
  });
}

export function findOrphan(id: string, tx: Tx = db()) {
  return tx.orphanInstance.findUnique({ where: { id }, include: { site: { select: { id: true, name: true, region: true } } } });
}

export async function upsertOrphans(siteId: string, instances: ObservedInstance[], now: Date, tx: Tx = db()): Promise<number> {
  for (const i of instances) {
    await tx.orphanInstance.upsert({
      where: { instanceId: i.instanceId },
      create: { siteId, instanceId: i.instanceId, instanceType: i.instanceType, state: i.state, tags: i.tags, firstSeenAt: now, lastSeenAt: now },
      update: { siteId, instanceType: i.instanceType, state: i.state, tags: i.tags, lastSeenAt: now },
    });
  }
  return instances.length;
}

export async function deleteOrphans(instanceIds: string[], tx: Tx = db()): Promise<number> {
  if (!instanceIds.length) return 0;
  const { count } = await tx.orphanInstance.deleteMany({ where: { instanceId: { in: instanceIds } } });
  return count;
}

export async function setOrphanState(id: string, state: string, tx: Tx = db()): Promise<void> {
  await tx.orphanInstance.update({ where: { id }, data: { state } });
}
