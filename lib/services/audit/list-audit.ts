/** The audit trail, newest first, filtered by actor, entity and time (admins only). */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';

export const ZAuditFilter = z.object({
  actor: z.string().trim().max(200).optional(),
  entityType: z.string().trim().max(60).optional(),
  since: z.coerce.date().optional(),
  until: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;

export async function listAudit(actor: Actor, filter: z.input<typeof ZAuditFilter> = {}) {
  requireRole(actor, 'admin');
  const f = ZAuditFilter.parse(filter);
  const rows = await db().auditLog.findMany({
    where: {
      actorLabel: f.actor ? { contains: f.actor, mode: 'insensitive' } : undefined,
      entityType: f.entityType || undefined,
      at: f.since || f.until ? { gte: f.since, lte: f.until } : undefined,
    },
    orderBy: { id: 'desc' },
    take: f.limit,
  });
  return rows.map((r) => ({ ...r, id: r.id.toString(), at: r.at.toISOString() }));
}
