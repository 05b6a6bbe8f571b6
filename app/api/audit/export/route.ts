/**
 * Downloads the audit trail as CSV, with the same filter as the Audit page (admins only). Streamed:
 * the response starts at once and grows page by page (lib/services/audit/export-audit.ts).
 */
import { route } from '@/lib/auth/guards';
import { filterFromParams } from '@/lib/services/audit/audit-filter';
import { exportAuditCsv } from '@/lib/services/audit/export-audit';

export const dynamic = 'force-dynamic';

export const GET = route(['admin'], async (actor, req) => {
  const { fileName, stream } = await exportAuditCsv(actor, filterFromParams(new URL(req.url).searchParams));
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'private, no-store',
    },
  });
});
