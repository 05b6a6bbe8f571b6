import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { LocalTime } from '@/components/ui/local-time';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/guards';
import { listAudit } from '@/lib/services/audit/list-audit';

export const metadata: Metadata = { title: 'Audit' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ actor?: string; entityType?: string }> }) {
  const actor = await requirePage('admin');
  const filter = await searchParams;
  const rows = await listAudit(actor, { actor: filter.actor, entityType: filter.entityType });
  return (
    <>
      <PageHeader title="Audit" description="Every change of state: who, what, when. Append-only." />
      <form className="mb-4 flex gap-2 text-sm" role="search">
        <input name="actor" defaultValue={filter.actor} placeholder="Actor email" aria-label="Filter by actor" className="rounded-md border border-line bg-canvas px-3 py-1.5" />
        <input name="entityType" defaultValue={filter.entityType} placeholder="Entity (site, workstation…)" aria-label="Filter by entity" className="rounded-md border border-line bg-canvas px-3 py-1.5" />
        <button className="rounded-md border border-line px-3 py-1.5 hover:bg-raised">Filter</button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title="No audit entries match">Change the filter, or act in the console: every change writes a row here.</EmptyState>
      ) : (
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
      )}
    </>
  );
}
