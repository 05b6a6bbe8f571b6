/** Launch profiles per site and the editable price list used for cost figures. */
import type { TLaunchProfile } from '@/lib/domain/workstations/profile';
import { db, type Tx } from './client';

export function listLaunchProfiles(siteId?: string, tx: Tx = db()) {
  return tx.launchProfile.findMany({ where: { siteId: siteId || undefined }, orderBy: [{ site: { name: 'asc' } }, { name: 'asc' }], include: { site: { select: { name: true, region: true } } } });
}

export function findLaunchProfile(id: string, tx: Tx = db()) {
  return tx.launchProfile.findUnique({ where: { id }, include: { site: { select: { id: true, name: true, region: true, state: true, launchesAllowed: true } } } });
}

export function saveLaunchProfile(p: TLaunchProfile, tx: Tx) {
  const data = { name: p.name, kind: p.kind, amiId: p.amiId, instanceTypes: p.instanceTypes, subnetId: p.subnetId, securityGroupIds: p.securityGroupIds, volumeSizeGb: p.volumeSizeGb };
  return p.id ? tx.launchProfile.update({ where: { id: p.id }, data }) : tx.launchProfile.create({ data: { ...data, siteId: p.siteId } });
}

export async function priceMap(tx: Tx = db()): Promise<Map<string, number>> {
  const rows = await tx.instanceTypePrice.findMany();
  return new Map(rows.map((r) => [r.instanceType, Number(r.hourlyUsd)]));
}

export function listPrices(tx: Tx = db()) {
  return tx.instanceTypePrice.findMany({ orderBy: { instanceType: 'asc' } });
}

export function upsertPrice(instanceType: string, hourlyUsd: number, tx: Tx) {
  return tx.instanceTypePrice.upsert({ where: { instanceType }, create: { instanceType, hourlyUsd }, update: { hourlyUsd } });
}
