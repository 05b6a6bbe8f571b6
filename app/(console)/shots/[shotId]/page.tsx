import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LiveRefresh } from '@/components/live/live-refresh';
import { ClipProblem } from '@/components/shots/clip-problem';
import { LocalityBadges, LocalityProvider } from '@/components/shots/locality-badges';
import { ShotActivity } from '@/components/shots/shot-activity';
import { VersionHistory } from '@/components/shots/version-history';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guards';
import { isAppError } from '@/lib/errors';
import { getShot } from '@/lib/services/shots/get-shot';

export const metadata: Metadata = { title: 'Shot' };

export default async function ShotPage({ params }: { params: Promise<{ shotId: string }> }) {
  const actor = await requirePage('admin', 'producer');
  const { shotId } = await params;
  const shot = await getShot(actor, shotId).catch((err) => {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const listed = shot.versions.filter((v) => !v.removedAt).length;
  return (
    <>
      <LiveRefresh topics={['shots']} debounceMs={100} />
      <p className="mb-2 text-sm">
        <Link href="/shots" className="text-muted hover:text-ink">
          ← Shots
        </Link>
      </p>
      <PageHeader
        title={`${shot.name}`}
        description={`${shot.project.name} · ${shot.sequence} · ${listed} version${listed === 1 ? '' : 's'}${shot.assignment ? ` · ${shot.assignment.artist} (${shot.assignment.status.replace('_', ' ')}, ${shot.assignment.site})` : ''}`}
      />
      <ClipProblem parseError={shot.parseError} parseErrorAt={shot.parseErrorAt} missingSince={shot.missingSince} />
      <LocalityProvider shotIds={[shot.id]} stamp={`${shot.versions.length}-${shot.versions[0]?.vuid ?? ''}`.slice(0, 64)}>
        <Card title="Where the data is" className="mb-6">
          <LocalityBadges shotId={shot.id} />
          <dl className="mt-3 grid gap-1 text-xs">
            {shot.paths.map((p) => (
              <div key={p.site} className="flex flex-wrap gap-2">
                <dt className="w-28 shrink-0 text-muted">
                  {p.site}
                  {p.isHome ? ' (home)' : ''}
                </dt>
                <dd className="break-all font-mono text-faint">{p.clip ?? shot.folderPath}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </LocalityProvider>
      <section className="mb-6" aria-labelledby="versions">
        <h2 id="versions" className="mb-2 text-sm font-semibold">
          Versions
        </h2>
        <VersionHistory versions={shot.versions} />
      </section>
      <Card title="Activity">
        <ShotActivity events={shot.events} />
      </Card>
    </>
  );
}
