/** Audit rows from an actor, so every use case writes them the same way. */
import type { Prisma } from '@/lib/db/generated/client';
import type { Tx } from '@/lib/db/client';
import { writeAudit } from '@/lib/db/audit';
import { actorId, actorLabel, type Actor } from '@/lib/domain/auth/actor';

export function audit(
  tx: Tx,
  actor: Actor,
  action: string,
  entity: { type: string; id?: string | null },
  summary: string,
  data?: Prisma.InputJsonValue,
): Promise<void> {
  return writeAudit(tx, { actorId: actorId(actor), actorLabel: actorLabel(actor), action, entityType: entity.type, entityId: entity.id, summary, data });
}
