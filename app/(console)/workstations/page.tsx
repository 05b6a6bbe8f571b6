import type { Metadata } from 'next';
import Link from 'next/link';
import { LiveRefresh } from '@/components/live/live-refresh';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { CostSummary } from '@/components/workstations/cost-summary';
import { LaunchDialog } from '@/components/workstations/launch-dialog';
import { OrphansSection } from '@/components/workstations/orphans-section';
import { queryHref } from '@/components/workstations/query-href';
import { WorkstationDrawer } from '@/components/workstations/workstation-drawer';
import { WorkstationFilters } from '@/components/workstations/workstation-filters';
import { WorkstationsTable } from '@/components/workstations/workstations-table';
import { requirePage } from '@/lib/auth/guards';
import { isAppError } from '@/lib/errors';
import { getRecentWorkstationCosts } from '@/lib/services/workstations/get-workstation-costs';
import { getWorkstationDetail } from '@/lib/services/workstations/get-workstation-detail';
import { listLaunchOptions } from '@/lib/services/workstations/list-launch-options';
import { listOrphanInstances } from '@/lib/services/workstations/list-orphan-instances';
import { listWorkstations } from '@/lib/services/workstations/list-workstations';
import { adoptOrphanAction, launchAction, relaunchAction, startAction, stopAction, terminateAction, terminateOrphanAction } from './actions';

export const metadata: Metadata = { title: 'Workstations' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function WorkstationsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePage('admin');
  const sp = await searchParams;
  const one = (key: string) => (typeof sp[key] === 'string' ? (sp[key] as string) : undefined);
  const [{ query, rows, total, pageSize }, costs, options, orphans] = await Promise.all([
    listWorkstations(actor, { siteId: one('siteId'), state: one('state') as never, artistId: one('artistId'), sort: one('sort') as never, dir: one('dir') as never, page: one('page') as never }),
    getRecentWorkstationCosts(actor),
    listLaunchOptions(actor),
    listOrphanInstances(actor),
  ]);
  const wsId = one('ws');
  const detail = wsId
    ? await getWorkstationDetail(actor, { id: wsId }).catch((err) => {
        if (isAppError(err) && err.code === 'NOT_FOUND') return null;
        throw err;
      })
    : null;
  const state = { ...query, ws: detail?.id };
  const lifecycle = { start: startAction, stop: stopAction, terminate: terminateAction };
  return (
    <>
      <LiveRefresh topics={['workstations']} />
      <PageHeader
        title="Workstations"
        description="Flame, Flare and Flame Assist instances across every site. States follow EC2 live."
        actions={
          <>
            <Link href="/workstations/profiles" className={buttonClass('secondary')}>Profiles &amp; prices</Link>
            <LaunchDialog options={options} launch={launchAction} />
          </>
        }
      />
      <CostSummary costs={costs} />
      <WorkstationFilters query={state} count={total} sites={options.sites} artists={options.artists} />
      {rows.length === 0 ? (
        <EmptyState title={query.siteId || query.state || query.artistId ? 'No workstation matches these filters' : 'No workstations yet'}>
          Launch one with “Launch workstations”: pick a site, a profile, a type and an artist.
        </EmptyState>
      ) : (
        <>
          <WorkstationsTable rows={rows} query={state} actions={lifecycle} />
          <Pager page={query.page} pageSize={pageSize} total={total} href={(page) => queryHref(state, { page })} label="Workstations" />
        </>
      )}
      <OrphansSection orphans={orphans} artists={options.artists} actions={{ adopt: adoptOrphanAction, terminate: terminateOrphanAction }} />
      {detail ? <WorkstationDrawer w={detail} closeHref={queryHref(state, { ws: undefined })} actions={lifecycle} relaunch={relaunchAction} /> : null}
    </>
  );
}
