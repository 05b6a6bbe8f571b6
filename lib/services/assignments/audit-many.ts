/**
 * Audit rows for a bulk action, one per entity, in one INSERT: a producer assigning 300 shots writes 300
 * rows (the trail stays per shot) without 300 round trips inside the transaction. Same columns as
 * lib/services/audit.ts writes one at a time.
 */
import type { Prisma } from '@/lib/db/generated/client';
import type { Tx } from '@/lib/db/client';
import { actorId, actorLabel, type Actor } from '@/lib/domain/auth/actor';

export type TAuditEntry = { action: string; entity: { type: string; id: string | null }; summary: string; data?: Prisma.InputJsonValue };

export async function auditMany(tx: Tx, actor: Actor, entries: readonly TAuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const who = { actorId: actorId(actor), actorLabel: actorLabel(actor) };
  await tx.auditLog.createMany({
    data: entries.map((e) => ({ ...who, action: e.action, entityType: e.entity.type, entityId: e.entity.id, summary: e.summary, data: e.data })),
  });
}
