import type { Metadata } from 'next';
import { Badge, stateTone } from '@/components/ui/badge';
import { LocalTime } from '@/components/ui/local-time';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/guards';
import { listSites } from '@/lib/services/sites/list-sites';

export const metadata: Metadata = { title: 'Regions' };

export default async function RegionsPage() {
  const actor = await requirePage('admin');
  const sites = await listSites(actor);
  return (
    <>
      <PageHeader title="Regions" description="Every site of the studio: its AWS region, its Anvil and its workstations." />
      <Table label="Sites">
        <thead>
          <tr><Th>Site</Th><Th>Region</Th><Th>State</Th><Th>Workstations</Th><Th>Anvil</Th><Th>Last reconcile</Th></tr>
        </thead>
        <tbody>
          {sites.map((s) => (
            <tr key={s.id}>
              <Td>{s.name} {s.isHome ? <Badge tone="info">home</Badge> : null}</Td>
              <Td className="font-mono text-xs">{s.region}</Td>
              <Td><Badge tone={stateTone(s.state)}>{s.state}</Badge>{s.failureReason ? <span className="ml-2 text-xs text-bad">{s.failureReason}</span> : null}</Td>
              <Td className="tabular-nums">{s.workstationCount}</Td>
              <Td>{s.anvilHealthy == null ? <Badge>unknown</Badge> : s.anvilHealthy ? <Badge tone="ok">healthy</Badge> : <Badge tone="bad">unreachable</Badge>}</Td>
              <Td className="text-muted"><LocalTime iso={s.lastReconciledAt} mode="relative" />{s.lastReconcileError ? <span className="ml-2 text-xs text-bad">{s.lastReconcileError}</span> : null}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
