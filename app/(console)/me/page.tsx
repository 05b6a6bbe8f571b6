import type { Metadata } from 'next';
import { Badge, stateTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guards';
import { getArtistHome } from '@/lib/services/artists/get-artist-home';

export const metadata: Metadata = { title: 'My shots' };

export default async function ArtistHomePage() {
  const actor = await requirePage('artist');
  const home = await getArtistHome(actor);
  return (
    <>
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
        <Card title="My workstation">
          {home.workstations.length === 0 ? (
            <p className="text-sm text-muted">No workstation is assigned to you yet.</p>
          ) : (
            <ul className="space-y-2">
              {home.workstations.map((w) => (
                <li key={w.id} className="text-sm">
                  <p className="font-medium">{w.name}</p>
                  <p className="text-muted">{w.site} · <span className="font-mono text-xs">{w.instanceType}</span></p>
                  <Badge tone={stateTone(w.state)}>{w.state ?? 'not launched'}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
