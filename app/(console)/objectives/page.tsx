import type { Metadata } from 'next';
import Link from 'next/link';
import { LiveRefresh } from '@/components/live/live-refresh';
import { ApplicationBadges } from '@/components/objectives/application-badges';
import { DriftRepairs } from '@/components/objectives/drift-repairs';
import { PresetButton } from '@/components/objectives/preset-button';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guards';
import { listObjectives } from '@/lib/services/objectives/list-objectives';
import { applyPresetAction } from './actions';

export const metadata: Metadata = { title: 'Objectives' };

export default async function ObjectivesPage() {
  const actor = await requirePage('admin');
  const page = await listObjectives(actor);
  return (
    <>
      <LiveRefresh topics={['objectives']} />
      <PageHeader
        title="Objectives"
        description="Hammerspace objectives: which data each site keeps local. The reconciler keeps every Anvil equal to what is set here."
        actions={<Link href="/objectives/new" className={buttonClass('primary')}>New objective</Link>}
      />
      <Card title="Studio presets" className="mb-6">
        <ul className="divide-y divide-line/60">
          {page.presets.map((p) => (
            <li key={p.name} className="flex items-start justify-between gap-4 py-3" data-testid={`preset-${p.name}`}>
              <div className="min-w-0">
                <p className="font-medium">
                  {p.title} {p.inPlace ? <Badge tone="ok">in place</Badge> : null}
                </p>
                <p className="mt-1 text-sm text-muted">{p.description}</p>
                <code className="mt-1 block font-mono text-xs text-faint">{p.expression}</code>
              </div>
              <PresetButton preset={p.name} apply={applyPresetAction} inPlace={p.inPlace} />
            </li>
          ))}
        </ul>
      </Card>
      {page.objectives.length === 0 ? (
        <EmptyState title="No objectives yet">Create one, or apply a studio preset above.</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Objectives">
          {page.objectives.map((o) => (
            <li key={o.id} className="rounded-lg border border-line bg-panel p-4" data-testid={`objective-${o.name}`}>
              <div className="flex items-center justify-between gap-3">
                <p className="font-medium">
                  {o.deleting ? o.name : <Link href={`/objectives/${o.id}`} className="hover:underline">{o.name}</Link>}{' '}
                  {o.preset ? <Badge tone="info">preset</Badge> : null} {o.deleting ? <Badge tone="warn">being removed from the Anvils</Badge> : null}
                </p>
                {o.deleting ? null : <Link href={`/objectives/${o.id}`} className={buttonClass('secondary', 'sm')}>Edit and apply</Link>}
              </div>
              {o.description ? <p className="mt-1 text-sm text-muted">{o.description}</p> : null}
              <pre className="mt-2 overflow-x-auto rounded bg-canvas p-2 font-mono text-xs">{o.expression}</pre>
              <ApplicationBadges applications={o.applications} />
            </li>
          ))}
        </ul>
      )}
      <DriftRepairs repairs={page.repairs} />
    </>
  );
}
