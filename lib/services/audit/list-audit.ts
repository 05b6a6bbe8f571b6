/** The audit trail, newest first, filtered by actor, entity, action and time (admins only). */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { AppError, fieldErrorsFrom } from '@/lib/errors';
import { auditWhere, ZAuditFilter, type TAuditFilter } from './audit-filter';

export { ZAuditFilter, type TAuditFilter };
export const PAGE_LIMIT = 200;

export function parseAuditFilter(input: z.input<typeof ZAuditFilter>): TAuditFilter {
  const parsed = ZAuditFilter.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION', 'Some filters need attention.', { fieldErrors: fieldErrorsFrom(parsed.error.issues) });
  return parsed.data;
}

export async function listAudit(actor: Actor, filter: z.input<typeof ZAuditFilter> = {}, limit = PAGE_LIMIT) {
  requireRole(actor, 'admin');
  const rows = await db().auditLog.findMany({ where: auditWhere(parseAuditFilter(filter)), orderBy: { id: 'desc' }, take: Math.min(Math.max(limit, 1), 1000) });
  return rows.map((r) => ({ ...r, id: r.id.toString(), at: r.at.toISOString() }));
}
