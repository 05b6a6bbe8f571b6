import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { LocalTime } from '@/components/ui/local-time';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/guards';
import { filterFromParams, filterQuery, ZAuditFilter } from '@/lib/services/audit/audit-filter';
import { listAudit, PAGE_LIMIT } from '@/lib/services/audit/list-audit';
import { AuditFilters } from './audit-filters';

export const metadata: Metadata = { title: 'Audit' };

type Params = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePage('admin');
  const input = filterFromParams(await searchParams);
  const parsed = ZAuditFilter.safeParse(input);
  const rows = parsed.success ? await listAudit(actor, input) : [];
  const exportHref = `/api/audit/export${parsed.success && filterQuery(parsed.data) ? `?${filterQuery(parsed.data)}` : ''}`;
  return (
    <>
      <PageHeader title="Audit" description="Every change of state: who, what, when. Append-only: the database refuses to change or delete a row." />
      <AuditFilters filter={parsed.success ? parsed.data : {}} exportHref={exportHref} />
      {!parsed.success ? (
        <p role="alert" className="mb-4 text-sm text-bad">A day must read YYYY-MM-DD; nothing is shown until the filter is fixed.</p>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState title="No audit entries match">Change the filter, or act in the console: every change writes a row here.</EmptyState>
      ) : (
        <>
          <Table label="Audit log">
            <thead><tr><Th>When</Th><Th>Who</Th><Th>Action</Th><Th>Entity</Th><Th>Summary</Th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <Td className="whitespace-nowrap text-muted"><LocalTime iso={r.at} /></Td>
                  <Td>{r.actorLabel}</Td>
                  <Td className="font-mono text-xs">{r.action}</Td>
                  <Td className="text-xs text-muted">{r.entityType}{r.entityId ? ` · ${r.entityId.slice(0, 10)}` : ''}</Td>
                  <Td>{r.summary}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {rows.length >= PAGE_LIMIT ? <p className="mt-3 text-xs text-muted">The newest {PAGE_LIMIT} entries. Narrow the filter, or export every match as CSV.</p> : null}
        </>
      )}
    </>
  );
}
