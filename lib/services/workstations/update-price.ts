/** Sets the hourly price of an instance type (the figure every cost on the console is computed from). */
import { db } from '@/lib/db/client';
import { upsertPrice } from '@/lib/db/launch-profiles';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { ZPrice } from '@/lib/domain/workstations/profile';
import { audit } from '../audit';
import { publishChange } from '../live/publish-change';

export async function updatePrice(actor: Actor, input: { instanceType: string; hourlyUsd: number | string }): Promise<{ instanceType: string; hourlyUsd: number }> {
  requireRole(actor, 'admin');
  const p = ZPrice.parse(input);
  return db().$transaction(async (tx) => {
    const before = await tx.instanceTypePrice.findUnique({ where: { instanceType: p.instanceType } });
    await upsertPrice(p.instanceType, p.hourlyUsd, tx);
    const was = before ? `$${Number(before.hourlyUsd).toFixed(4)}` : 'no price';
    await audit(tx, actor, 'price.update', { type: 'instance-type', id: p.instanceType }, `${p.instanceType}: ${was} → $${p.hourlyUsd.toFixed(4)} per hour`);
    await publishChange(tx, { topic: 'workstations' });
    return { instanceType: p.instanceType, hourlyUsd: p.hourlyUsd };
  });
}
