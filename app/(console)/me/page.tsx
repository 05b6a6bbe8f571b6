import type { Metadata } from 'next';
import { Badge, stateTone } from '@/components/ui/badge';
import { LiveRefresh } from '@/components/live/live-refresh';
import { MyWorkstationCard } from '@/components/workstations/my-workstation-card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guards';
import { getArtistHome } from '@/lib/services/artists/get-artist-home';
import { getMyWorkstations } from '@/lib/services/workstations/get-my-workstation';
import { startAction, stopAction } from '../workstations/actions';

export const metadata: Metadata = { title: 'My shots' };

export default async function ArtistHomePage() {
  const actor = await requirePage('artist');
  const [home, workstations] = await Promise.all([getArtistHome(actor), getMyWorkstations(actor)]);
  return (
    <>
      <LiveRefresh topics={['workstations']} />
      <PageHeader title={`Hello, ${actor.name.split(' ')[0]}`} description="Your shots and your workstation." />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <h2 className="mb-3 text-xs font-medium uppercase tracking-wider text-muted">My shots</h2>
          {home.assignments.length === 0 ? (
            <EmptyState title="No shots assigned to you">When a producer assigns you a shot it appears here.</EmptyState>
          ) : (
            <ul className="space-y-2">
              {home.assignments.map((a) => (
                <li key={a.id} className="rounded-lg border border-line bg-panel p-3">
                  <div className="flex items-center justify-between">
                    <span className="font-medium">{a.shot} <span className="text-muted">· {a.sequence} · {a.project}</span></span>
                    <Badge tone={stateTone(a.status)}>{a.status.replace('_', ' ')}</Badge>
                  </div>
                  <p className="mt-1 font-mono text-xs text-muted">{a.folder}</p>
                  {a.dueDate ? <p className="mt-1 text-xs text-faint">Due {a.dueDate}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
        <MyWorkstationCard workstations={workstations} actions={{ start: startAction, stop: stopAction }} />
      </div>
    </>
  );
}
