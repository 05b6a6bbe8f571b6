import type { Metadata } from 'next';
import { OverviewSites } from '@/components/regions/overview-sites';
import { Card, Stat } from '@/components/ui/card';
import { LocalTime } from '@/components/ui/local-time';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guards';
import { getRecentOverview } from '@/lib/services/overview/get-overview';
import { getWorstLag } from '@/lib/services/replication/get-worst-lag';
import { formatLag } from '@/lib/domain/hammerspace/lag';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage() {
  const actor = await requirePage('admin', 'producer');
  const [o, lag] = await Promise.all([getRecentOverview(actor), getWorstLag(actor)]);
  const lagHint = lag.unreachable.length
    ? `${lag.unreachable.join(', ')} unreachable`
    : lag.worst ? `${lag.worst.from} → ${lag.worst.to} (${lag.worst.share})` : 'no fresh sample';
  return (
    <>
      <PageHeader title="Overview" description="The studio at a glance." />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-5">
        <Stat label="Sites active" value={`${o.sites.filter((s) => s.state === 'active').length} / ${o.sites.length}`} />
        <Stat label="Workstations running" value={`${o.workstations.running} / ${o.workstations.total}`} tone={o.workstations.withErrors ? 'warn' : 'ink'} hint={o.workstations.withErrors ? `${o.workstations.withErrors} with errors` : undefined} />
        <Stat label="Published shots" value={o.shots.total} hint={`${o.shots.versions} versions`} tone={o.shots.withParseErrors ? 'warn' : 'ink'} />
        <Stat label="Worst lag now" value={lag.worst ? formatLag(lag.worst.lagSeconds) : '—'} tone={lag.unreachable.length ? 'bad' : (lag.worst?.tone ?? 'ink')} hint={lagHint} />
        <Stat label="Workers" value={o.workers.count ? 'Running' : 'Not seen'} tone={o.workers.count ? 'ok' : 'bad'} hint={o.workers.count ? `${o.workers.count} process${o.workers.count === 1 ? '' : 'es'} beating` : 'no process is beating'} />
      </div>
      <Card title="Sites" className="mt-6">
        <OverviewSites sites={o.sites} linkToRegions={actor.roles.includes('admin')} />
      </Card>
      <p className="mt-4 text-xs text-faint">
        Last worker heartbeat: <LocalTime iso={o.workers.lastBeatAt} mode="relative" />
      </p>
    </>
  );
}
