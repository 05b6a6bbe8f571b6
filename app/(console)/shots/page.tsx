import type { Metadata } from 'next';
import { Badge, stateTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/guards';
import { listShots } from '@/lib/services/shots/list-shots';

export const metadata: Metadata = { title: 'Shots' };

export default async function ShotsPage() {
  const actor = await requirePage('admin', 'producer');
  const projects = await listShots(actor);
  if (projects.length === 0) {
    return (
      <>
        <PageHeader title="Shots" />
        <EmptyState title="Nothing published yet">Shots appear here as soon as Flame’s Shot Publish writes them to a site’s publish root.</EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Shots" description="Every published shot, read from its Open Clip files." />
      {projects.map((p) => (
        <section key={p.id} className="mb-8">
          <h2 className="mb-3 text-sm font-semibold text-muted">{p.name}</h2>
          {p.sequences.map((s) => (
            <div key={s.id} className="mb-5">
              <h3 className="mb-2 text-sm font-medium">{s.name}</h3>
              <Table label={`Shots of ${s.name}`}>
                <thead><tr><Th>Shot</Th><Th>Latest</Th><Th>Current</Th><Th>Versions</Th><Th>Assignment</Th></tr></thead>
                <tbody>
                  {s.shots.map((shot) => (
                    <tr key={shot.id}>
                      <Td className="font-medium">{shot.name}{shot.parseError ? <p className="text-xs text-bad">{shot.parseError}</p> : null}</Td>
                      <Td className="font-mono text-xs">{shot.latest ?? '—'}</Td>
                      <Td className="font-mono text-xs">{shot.current ?? '—'}</Td>
                      <Td className="tabular-nums">{shot.versionCount}</Td>
                      <Td>{shot.assignment ? <><Badge tone={stateTone(shot.assignment.status)}>{shot.assignment.status.replace('_', ' ')}</Badge> <span className="text-muted">{shot.assignment.artist}</span></> : <span className="text-faint">unassigned</span>}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
