import { createHash } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { LiveRefresh } from '@/components/live/live-refresh';
import { LocalityProvider } from '@/components/shots/locality-badges';
import { ProjectLayoutForm } from '@/components/shots/project-layout-form';
import { ShotsTable } from '@/components/shots/shots-table';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guards';
import { hasRole } from '@/lib/domain/auth/actor';
import { PUBLISH_LAYOUTS } from '@/lib/domain/publish';
import { readProjectLayout } from '@/lib/domain/shots/project-layout';
import { listShots } from '@/lib/services/shots/list-shots';
import { setLayoutAction } from './layout-actions';

export const metadata: Metadata = { title: 'Shots' };

export default async function ShotsPage() {
  const actor = await requirePage('admin', 'producer');
  const projects = await listShots(actor);
  const shots = projects.flatMap((p) => p.sequences.flatMap((s) => s.shots));
  const ids = shots.map((shot) => shot.id);
  // Changes whenever a shot gets a version or a problem, so the badges are checked again at once.
  const stamp = createHash('sha256').update(shots.map((s) => `${s.id}:${s.latest?.vuid ?? ''}:${s.versionCount}:${s.parseError ? 1 : 0}`).join(',')).digest('hex').slice(0, 16);
  const header = (
    <PageHeader
      title="Shots"
      description="Every published shot, read from its Open Clip at the home site. New renders appear here as soon as they replicate."
      actions={
        <Link href="/shots/board" className={buttonClass('secondary')}>
          Assignment board
        </Link>
      }
    />
  );
  if (projects.length === 0) {
    return (
      <>
        <LiveRefresh topics={['shots']} debounceMs={100} />
        {header}
        <EmptyState title="Nothing published yet">Shots appear here as soon as Flame’s Shot Publish writes them to the home site’s publish root.</EmptyState>
      </>
    );
  }
  return (
    <>
      {/* A short debounce: a render should show as soon as it is recorded (one notice per indexed clip). */}
      <LiveRefresh topics={['shots']} debounceMs={100} />
      {header}
      <LocalityProvider shotIds={ids} stamp={stamp}>
        {projects.map((p) => {
          const layout = readProjectLayout(p.layout);
          return (
            <section key={p.id} className="mb-8" aria-labelledby={`project-${p.id}`}>
              <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                <h2 id={`project-${p.id}`} className="text-base font-semibold">
                  {p.name}
                </h2>
                <p className="text-xs text-muted">
                  {layout.ok ? (
                    <>
                      Layout <span className="font-mono">{layout.layout.name}</span>: <span className="font-mono">{layout.layout.patterns.clip}</span>
                    </>
                  ) : (
                    <span className="text-bad">Layout setting does not read ({layout.reason}); its clips are not indexed until it is fixed.</span>
                  )}
                </p>
              </div>
              {hasRole(actor, 'admin') ? (
                <ProjectLayoutForm projectId={p.id} project={p.name} current={layout.ok ? layout.layout : null} layouts={Object.keys(PUBLISH_LAYOUTS)} save={setLayoutAction} />
              ) : null}
              {p.sequences.map((s) => (
                <div key={s.id} className="mb-5">
                  <h3 className="mb-2 text-sm font-medium text-muted">{s.name}</h3>
                  <ShotsTable sequence={s.name} shots={s.shots} />
                </div>
              ))}
            </section>
          );
        })}
      </LocalityProvider>
    </>
  );
}
