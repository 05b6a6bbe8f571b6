import type { Metadata } from 'next';
import { Badge, stateTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/guards';
import { listWorkstations } from '@/lib/services/workstations/list-workstations';

export const metadata: Metadata = { title: 'Workstations' };

export default async function WorkstationsPage() {
  const actor = await requirePage('admin');
  const { rows } = await listWorkstations(actor);
  return (
    <>
      <PageHeader title="Workstations" description="Flame, Flare and Flame Assist instances across every site." />
      {rows.length === 0 ? (
        <EmptyState title="No workstations yet">Launch one from a site’s launch profile.</EmptyState>
      ) : (
        <Table label="Workstations">
          <thead><tr><Th>Name</Th><Th>Site</Th><Th>Type</Th><Th>Desired</Th><Th>Observed</Th><Th>Artist</Th><Th>Instance</Th></tr></thead>
          <tbody>
            {rows.map((w) => (
              <tr key={w.id}>
                <Td className="font-medium">{w.name}</Td>
                <Td>{w.site} <span className="font-mono text-xs text-faint">{w.region}</span></Td>
                <Td className="font-mono text-xs">{w.instanceType}</Td>
                <Td><Badge>{w.desiredState}</Badge></Td>
                <Td><Badge tone={stateTone(w.state)}>{w.state}</Badge>{w.lastError ? <p className="mt-1 text-xs text-bad">{w.lastErrorCode}: {w.lastError}</p> : null}</Td>
                <Td>{w.artist ?? <span className="text-faint">unassigned</span>}</Td>
                <Td className="font-mono text-xs text-muted">{w.instanceId ?? '—'}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
