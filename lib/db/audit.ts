/** The audit trail: one row per change of state, written in the same transaction as the change. */
import type { Prisma } from './generated/client';
import type { Tx } from './client';

export type AuditEntry = {
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId?: string | null;
  summary: string;
  data?: Prisma.InputJsonValue;
};

export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      actorLabel: entry.actorLabel,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      summary: entry.summary,
      data: entry.data,
    },
  });
}
