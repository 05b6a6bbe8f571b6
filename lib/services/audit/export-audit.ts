/**
 * The audit trail as a CSV stream (admins only), in pages of BATCH rows by id, newest first, so an export
 * of years of history never sits in memory. The export itself is audited: who took a copy of the trail,
 * and with which filter, is part of the trail.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { writeAudit } from '@/lib/db/audit';
import { actorId, actorLabel, requireRole, type Actor } from '@/lib/domain/auth/actor';
import { AUDIT_CSV_HEADER, auditCsvLine, csvLine } from './audit-csv';
import { auditWhere, filterQuery, type ZAuditFilter } from './audit-filter';
import { parseAuditFilter } from './list-audit';

const BATCH = 500;

export async function exportAuditCsv(actor: Actor, input: z.input<typeof ZAuditFilter>, now = new Date()): Promise<{ fileName: string; stream: ReadableStream<Uint8Array> }> {
  requireRole(actor, 'admin');
  const filter = parseAuditFilter(input);
  const where = auditWhere(filter);
  await db().$transaction((tx) =>
    writeAudit(tx, { actorId: actorId(actor), actorLabel: actorLabel(actor), action: 'audit.export', entityType: 'audit', summary: `Exported the audit trail as CSV${filterQuery(filter) ? ` (${filterQuery(filter)})` : ''}`, data: filter }),
  );
  const encoder = new TextEncoder();
  let cursor: bigint | undefined;
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(AUDIT_CSV_HEADER)));
        return;
      }
      const rows = await db().auditLog.findMany({ where: { AND: [where, cursor ? { id: { lt: cursor } } : {}] }, orderBy: { id: 'desc' }, take: BATCH });
      if (rows.length > 0) {
        cursor = rows[rows.length - 1]!.id;
        controller.enqueue(encoder.encode(rows.map(auditCsvLine).join('')));
      }
      if (rows.length < BATCH) controller.close();
    },
  });
  return { fileName: `audit-${now.toISOString().slice(0, 10)}.csv`, stream };
}
