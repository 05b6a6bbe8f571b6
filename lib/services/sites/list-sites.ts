/**
 * Every site as the Regions page shows it: state and checklist, workstations running/total and their
 * $/hour, replication lag in and out (the newest sample of each pair, worst per direction), Anvil health
 * and the age of the last reconcile, and the lifecycle actions its state allows. The Replication page
 * reads the same list.
 */
import { db } from '@/lib/db/client';
import { priceMap } from '@/lib/db/launch-profiles';
import { latestSamples } from '@/lib/db/replication-samples';
import { listWorkstationsForCost } from '@/lib/db/workstation-costs';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { stepsOf, type TStepStatus } from '@/lib/domain/sites/checklists';
import type { TWorkflow } from '@/lib/domain/sites/lifecycle';
import { shownWorkflow, siteActions, type TSiteView, type TStepView } from '@/lib/domain/sites/views';
import { placeOf } from '@/lib/domain/sites/views';
import { hourlyCost } from '@/lib/domain/workstations/cost';

/** Lag samples older than this are not "current" any more: the collector writes every 15 s. */
const LAG_WINDOW_MS = 5 * 60_000;

export async function listSites(actor: Actor, now = new Date()): Promise<TSiteView[]> {
  requireRole(actor, 'admin');
  const [sites, workstations, prices, samples] = await Promise.all([
    db().site.findMany({
      orderBy: [{ isHome: 'desc' }, { name: 'asc' }],
      select: {
        id: true, name: true, region: true, state: true, isHome: true, failureReason: true, launchesAllowed: true,
        anvilUrl: true, anvilUsername: true, anvilTrustSelfSigned: true, anvilHealthy: true, anvilUnreachableAt: true, lastReconciledAt: true, lastReconcileError: true,
        participants: { select: { share: { select: { name: true } } } },
        steps: { select: { workflow: true, key: true, position: true, status: true, detail: true, attempts: true, startedAt: true, finishedAt: true }, orderBy: { position: 'asc' } },
      },
    }),
    listWorkstationsForCost(),
    priceMap(),
    latestSamples(new Date(now.getTime() - LAG_WINDOW_MS), null),
  ]);
  const worst = (list: number[]) => (list.length ? Math.max(...list) : null);
  return sites.map((s) => {
    const mine = workstations.filter((w) => w.siteId === s.id);
    const live = mine.filter((w) => w.observedState !== 'terminated');
    const cost = hourlyCost(mine.map((w) => ({ instanceType: w.instanceType, observedState: w.lost ? null : w.observedState })), prices);
    const failed = s.steps.find((r) => r.status === 'failed');
    const hasRows = { 'bring-up': s.steps.some((r) => r.workflow === 'bring-up'), drain: s.steps.some((r) => r.workflow === 'drain') };
    const workflow = shownWorkflow(s.state, (failed?.workflow as TWorkflow | undefined) ?? null, hasRows);
    const defs = workflow ? stepsOf(workflow) : [];
    const steps: TStepView[] = defs.map((d) => {
      const r = s.steps.find((x) => x.workflow === workflow && x.key === d.key);
      return {
        key: d.key, label: d.label, hint: d.hint, status: (r?.status ?? 'pending') as TStepStatus, detail: r?.detail ?? null, attempts: r?.attempts ?? 0,
        startedAt: r?.startedAt?.toISOString() ?? null, finishedAt: r?.finishedAt?.toISOString() ?? null,
      };
    });
    const place = placeOf(s.region);
    const replicating = s.state !== 'planned' && s.state !== 'stopped';
    const leftShares = s.steps.some((r) => r.workflow === 'drain' && r.key === 'leave-shares' && r.status === 'done');
    return {
      id: s.id, name: s.name, region: s.region, city: place?.city ?? null, place: place ? { lat: place.lat, lon: place.lon } : null,
      state: s.state, isHome: s.isHome, failureReason: s.failureReason, launchesAllowed: s.launchesAllowed,
      anvilUrl: s.anvilUrl, anvilUsername: s.anvilUsername, anvilTrustSelfSigned: s.anvilTrustSelfSigned, anvilHealthy: s.anvilHealthy,
      anvilUnreachableAt: s.anvilUnreachableAt?.toISOString() ?? null,
      lastReconciledAt: s.lastReconciledAt?.toISOString() ?? null, lastReconcileError: s.lastReconcileError,
      workstationCount: live.length, running: cost.billed, usdPerHour: cost.usdPerHour, unpricedTypes: cost.unpricedTypes,
      // A planned or stopped site replicates nothing; samples from before its stop are not its lag now.
      lagInSeconds: replicating ? worst(samples.filter((x) => x.toSiteId === s.id).map((x) => x.lagSeconds)) : null,
      lagOutSeconds: replicating ? worst(samples.filter((x) => x.fromSiteId === s.id).map((x) => x.lagSeconds)) : null,
      shares: [...new Set(s.participants.map((p) => p.share.name))].sort(),
      workflow, steps,
      actions: siteActions({ state: s.state, isHome: s.isHome, hasFailedStep: Boolean(failed), leftShares }),
    };
  });
}
