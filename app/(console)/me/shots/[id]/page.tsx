import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LocalityNotice, SitePath } from '@/components/assignments/shot-location';
import { AssignmentStatusBadge } from '@/components/assignments/status-badge';
import { StatusMoves } from '@/components/assignments/status-moves';
import { LiveRefresh } from '@/components/live/live-refresh';
import { Card } from '@/components/ui/card';
import { LocalTime } from '@/components/ui/local-time';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/guards';
import { isAppError } from '@/lib/errors';
import { getMyAssignment } from '@/lib/services/assignments/get-my-assignment';
import { changeMyStatusAction } from '../actions';

export const metadata: Metadata = { title: 'My shot' };

/** One of the artist's own shots. Anyone else's id is a 404: the page does not tell whose it is. */
export default async function MyShotPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage('artist');
  const { id } = await params;
  const a = await getMyAssignment(actor, id).catch((err: unknown) => {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  return (
    <>
      <LiveRefresh topics={['assignments', 'shots']} />
      <p className="mb-2 text-sm"><Link href="/me" className="text-muted hover:text-ink">← My shots</Link></p>
      <PageHeader title={a.shot} description={`${a.sequence} · ${a.project} · ${a.site.name}${a.dueDate ? ` · due ${a.dueDate}` : ''}`} actions={<AssignmentStatusBadge status={a.status} />} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <LocalityNotice banner={a.banner} />
          {a.note ? <Card title="Note from production"><p className="text-sm">{a.note}</p></Card> : null}
          <Card title={`Paths at ${a.site.name}`}>
            <div className="space-y-2">
              <SitePath label="Shot folder" path={a.folder} />
              <SitePath label="Batch setup" path={a.batch} />
            </div>
          </Card>
          <section>
            <h2 className="mb-2 text-xs font-medium uppercase tracking-wider text-muted">Versions</h2>
            {a.versions.length === 0 ? (
              <p className="text-sm text-muted">No version yet: your first render adds one.</p>
            ) : (
              <Table label="Versions">
                <thead><tr><Th>Version</Th><Th>Frames</Th><Th>Batch setup</Th><Th>Seen</Th></tr></thead>
                <tbody>
                  {a.versions.map((v) => (
                    <tr key={v.id} className={v.removed ? 'opacity-60' : ''}>
                      <Td className="font-mono text-xs">{v.name}{v.removed ? <span className="ml-1 font-sans text-faint">(no longer in the clip)</span> : null}</Td>
                      <Td className="tabular-nums">{v.frames ?? '—'}</Td>
                      <Td className="max-w-72"><code className="block truncate font-mono text-xs text-muted" title={v.batch ?? undefined}>{v.batch ?? '—'}</code></Td>
                      <Td><LocalTime iso={v.discoveredAt} /></Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </section>
        </div>
        <Card title="Status">
          <div className="space-y-3">
            <AssignmentStatusBadge status={a.status} />
            {a.moves.length ? <StatusMoves assignmentId={a.id} shot={a.shot} moves={a.moves} action={changeMyStatusAction} size="md" /> : <p className="text-sm text-muted">Waiting for production.</p>}
          </div>
        </Card>
      </div>
    </>
  );
}
