/**
 * Cost figures: live $/hour (running machines × the price list) per site and in total, and month-to-date
 * from each workstation's state history (EC2 bills running time per second).
 */
import { priceMap } from '@/lib/db/launch-profiles';
import { listWorkstationsForCost, stateHistorySince } from '@/lib/db/workstation-costs';
import { listSitesForWorkstations } from '@/lib/db/workstation-sites';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { hourlyCost, monthStartUtc, monthToDateUsd, roundCents, type StatePoint } from '@/lib/domain/workstations/cost';
import type { CostView } from '@/lib/domain/workstations/views';
import { recentValue } from '@/lib/utils/recent-value';

export async function getWorkstationCosts(actor: Actor, now = new Date()): Promise<CostView> {
  requireRole(actor, 'admin');
  const monthStart = monthStartUtc(now);
  const [sites, workstations, prices, history] = await Promise.all([listSitesForWorkstations(), listWorkstationsForCost(), priceMap(), stateHistorySince(monthStart)]);

  const initial = new Map<string, string | null>();
  const changes = new Map<string, StatePoint[]>();
  for (const h of history) {
    if (h.before) initial.set(h.workstationId, h.state);
    else (changes.get(h.workstationId) ?? changes.set(h.workstationId, []).get(h.workstationId)!).push({ at: h.at, state: h.state });
  }
  const live = (list: typeof workstations) => hourlyCost(list.map((w) => ({ instanceType: w.instanceType, observedState: w.lost ? null : w.observedState })), prices);
  const mtd = (list: typeof workstations) =>
    list.reduce((sum, w) => sum + monthToDateUsd({ instanceType: w.instanceType, initial: initial.get(w.id) ?? null, changes: changes.get(w.id) ?? [] }, prices, now), 0);

  const siteViews = sites.map((s) => {
    const mine = workstations.filter((w) => w.siteId === s.id);
    const l = live(mine);
    return { siteId: s.id, site: s.name, region: s.region, running: l.billed, usdPerHour: l.usdPerHour, monthToDateUsd: roundCents(mtd(mine)) };
  });
  const total = live(workstations);
  return {
    usdPerHour: total.usdPerHour,
    monthToDateUsd: roundCents(siteViews.reduce((s, v) => s + v.monthToDateUsd, 0)),
    monthStart: monthStart.toISOString(),
    sites: siteViews,
    unpricedTypes: total.unpricedTypes,
  };
}

/**
 * What the Workstations page shows: the same figures, computed at most every 15 s per web process. At
 * 5,000 machines the month's history is tens of thousands of rows, and costs move by cents a minute; one
 * computation shared by every admin's refresh keeps the page cheap (bench/pages.ts).
 */
const recent = recentValue<CostView>(15_000);

export async function getRecentWorkstationCosts(actor: Actor): Promise<CostView> {
  requireRole(actor, 'admin');
  return recent.get(() => getWorkstationCosts(actor));
}
