import type { Metadata } from 'next';
import { Badge, stateTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guards';
import { listObjectives } from '@/lib/services/objectives/list-objectives';

export const metadata: Metadata = { title: 'Objectives' };

export default async function ObjectivesPage() {
  const actor = await requirePage('admin');
  const objectives = await listObjectives(actor);
  return (
    <>
      <PageHeader title="Objectives" description="Hammerspace objectives: which data is kept local where." />
      {objectives.length === 0 ? (
        <EmptyState title="No objectives yet">Create one, or apply the studio preset: Open Clip files always local at the home site.</EmptyState>
      ) : (
        <ul className="space-y-3">
          {objectives.map((o) => (
            <li key={o.id} className="rounded-lg border border-line bg-panel p-4">
              <div className="flex items-center justify-between">
                <p className="font-medium">{o.name}</p>
                {o.preset ? <Badge tone="info">preset</Badge> : null}
              </div>
              {o.description ? <p className="mt-1 text-sm text-muted">{o.description}</p> : null}
              <pre className="mt-2 overflow-x-auto rounded bg-canvas p-2 font-mono text-xs">{o.expression}</pre>
              <div className="mt-2 flex flex-wrap gap-2">
                {o.applications.map((a) => (
                  <Badge key={a.id} tone={stateTone(a.state)} title={a.lastError ?? undefined}>{a.site} · {a.share}{a.path} · {a.state}</Badge>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
