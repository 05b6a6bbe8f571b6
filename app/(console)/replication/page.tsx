import type { Metadata } from 'next';
import Link from 'next/link';
import { LiveRefresh } from '@/components/live/live-refresh';
import { AlertList } from '@/components/replication/alert-list';
import { LagChart } from '@/components/replication/lag-chart';
import { LagMatrix } from '@/components/replication/lag-matrix';
import { replicationHref } from '@/components/replication/query';
import { SiteStatus } from '@/components/replication/site-status';
import { ThresholdForm } from '@/components/replication/threshold-form';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guards';
import { LAG_RANGES } from '@/lib/domain/hammerspace/downsample';
import { getReplicationView } from '@/lib/services/replication/get-replication-view';
import { updateLagThresholdAction } from './actions';

export const metadata: Metadata = { title: 'Replication' };

type Search = { share?: string; from?: string; to?: string; range?: string };

export default async function ReplicationPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePage('admin');
  const q = await searchParams;
  const view = await getReplicationView(actor, { shareId: q.share, from: q.from, to: q.to, range: q.range as (typeof LAG_RANGES)[number] | undefined });
  const query = { share: view.share?.id, from: q.from, to: q.to, range: q.range };
  return (
    <>
      <LiveRefresh topics={['replication']} />
      <PageHeader title="Replication" description="How far each site's view of a share trails the others, measured every 15 seconds per site." />
      {!view.share ? (
        <EmptyState title="No shares yet">Replication lag is measured per share once sites take part in one.</EmptyState>
      ) : (
        <div className="space-y-6">
          <div className="flex flex-wrap items-center justify-between gap-4">
            <nav aria-label="Shares" className="flex gap-2 text-sm">
              {view.shares.map((s) => (
                <Link key={s.id} href={replicationHref({ share: s.id })} aria-current={s.id === view.share?.id ? 'page' : undefined}
                  className={`rounded-md px-2 py-1 ${s.id === view.share?.id ? 'bg-raised text-ink' : 'text-muted hover:text-ink'}`}>{s.name}</Link>
              ))}
            </nav>
            <ThresholdForm key={view.share.id} shareId={view.share.id} seconds={view.share.lagAlertSeconds} save={updateLagThresholdAction} />
          </div>
          <Card title={`Lag now · ${view.share.name} (${view.share.path})`}>
            {view.sites.length < 2 ? (
              <p className="text-sm text-muted">Fewer than two sites with an Anvil take part in this share.</p>
            ) : (
              <LagMatrix rows={view.rows} query={query} selected={view.selected ? { from: view.selected.from.id, to: view.selected.to.id } : null} />
            )}
            <p className="mt-2 text-xs text-faint">Rows send, columns receive. Green is under half the alert threshold, amber under it, red at or over it. Click a pair for its history.</p>
          </Card>
          {view.selected ? (
            <Card title={`${view.selected.from.name} → ${view.selected.to.name}`}>
              <nav aria-label="Range" className="mb-3 flex gap-2 text-sm">
                {LAG_RANGES.map((r) => (
                  <Link key={r} href={replicationHref({ ...query, range: r })} aria-current={view.selected?.range === r ? 'page' : undefined}
                    className={`rounded-md px-2 py-1 ${view.selected?.range === r ? 'bg-raised text-ink' : 'text-muted hover:text-ink'}`}>{r}</Link>
                ))}
              </nav>
              <LagChart points={view.selected.points} fromMs={view.selected.fromMs} toMs={view.selected.toMs} thresholdSeconds={view.share.lagAlertSeconds}
                bucketed={view.selected.range !== '1h'} title={`Lag ${view.selected.from.name} to ${view.selected.to.name}`} />
            </Card>
          ) : null}
          <div className="grid gap-6 lg:grid-cols-2">
            <Card title="Sites"><SiteStatus sites={view.sites} /></Card>
            <Card title="Alerts"><AlertList open={view.alerts} resolved={view.resolved} /></Card>
          </div>
        </div>
      )}
    </>
  );
}
