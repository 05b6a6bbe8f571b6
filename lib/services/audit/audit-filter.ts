/**
 * The one filter of the audit trail, shared by the page and the CSV export so that "Export" always
 * downloads exactly what the page shows (without the page's row limit). Days are UTC calendar days,
 * both ends inclusive: a studio spans time zones, and the audit trail is read across them.
 */
import { z } from 'zod';
import type { Prisma } from '@/lib/db/generated/client';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
const day = z.preprocess(blankToUndefined, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD').optional());

export const ZAuditFilter = z.object({
  actor: text(200),
  entityType: text(60),
  entityId: text(100),
  action: text(100),
  from: day,
  to: day,
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;

/** Any query-string-like object → a filter; invalid values become VALIDATION errors upstream. */
export function filterFromParams(params: URLSearchParams | Record<string, string | string[] | undefined>): z.input<typeof ZAuditFilter> {
  const get = (k: string) => {
    const v = params instanceof URLSearchParams ? params.get(k) : params[k];
    return Array.isArray(v) ? v[0] : (v ?? undefined);
  };
  return { actor: get('actor'), entityType: get('entityType'), entityId: get('entityId'), action: get('action'), from: get('from'), to: get('to') };
}

const DAY_MS = 24 * 60 * 60_000;

export function auditWhere(f: TAuditFilter): Prisma.AuditLogWhereInput {
  const from = f.from ? new Date(`${f.from}T00:00:00Z`) : undefined;
  const toExclusive = f.to ? new Date(new Date(`${f.to}T00:00:00Z`).getTime() + DAY_MS) : undefined;
  return {
    actorLabel: f.actor ? { contains: f.actor, mode: 'insensitive' } : undefined,
    entityType: f.entityType,
    entityId: f.entityId,
    action: f.action ? { startsWith: f.action } : undefined,
    at: from || toExclusive ? { gte: from, lt: toExclusive } : undefined,
  };
}

/** The query string that reproduces a filter (for the export link). */
export function filterQuery(f: TAuditFilter): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (typeof v === 'string' && v) q.set(k, v);
  return q.toString();
}
