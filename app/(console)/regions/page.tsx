import type { Metadata } from 'next';
import { LiveRefresh } from '@/components/live/live-refresh';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { RegionsMap } from '@/components/regions/regions-map';
import { RegisterSiteDialog } from '@/components/regions/register-site-dialog';
import { SiteChecklist } from '@/components/regions/site-checklist';
import { SitesTable } from '@/components/regions/sites-table';
import { requirePage } from '@/lib/auth/guards';
import { listSites } from '@/lib/services/sites/list-sites';
import { bringUpAction, cancelDrainAction, checkDrainAction, drainAction, forceStopAction, registerSiteAction, retryAction } from './actions';

export const metadata: Metadata = { title: 'Regions' };

export default async function RegionsPage() {
  const actor = await requirePage('admin');
  const sites = await listSites(actor);
  const actions = { register: registerSiteAction, bringUp: bringUpAction, check: checkDrainAction, drain: drainAction, cancelDrain: cancelDrainAction, retry: retryAction, forceStop: forceStopAction };
  const withChecklists = sites.filter((s) => s.workflow);
  return (
    <>
      <LiveRefresh topics={['sites', 'workstations', 'replication']} />
      <PageHeader
        title="Regions"
        description="Every site of the studio: bring one up in a few clicks, drain one down without losing a frame."
        actions={<RegisterSiteDialog register={registerSiteAction} />}
      />
      {sites.length === 0 ? (
        <EmptyState title="No sites yet">Add a site with its AWS region and its Hammerspace Anvil, then bring it up.</EmptyState>
      ) : (
        <div className="space-y-6">
          <RegionsMap sites={sites} />
          <SitesTable sites={sites} actions={actions} />
          {withChecklists.length ? (
            <section className="space-y-3" aria-label="Checklists">
              <h2 className="text-xs font-medium uppercase tracking-wider text-muted">Checklists</h2>
              {withChecklists.map((s) => <SiteChecklist key={s.id} site={s} />)}
            </section>
          ) : null}
        </div>
      )}
    </>
  );
}
