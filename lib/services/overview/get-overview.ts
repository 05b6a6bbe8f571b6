/** The Overview: the state of the studio at a glance, for admins and producers. */
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { recentValue } from '@/lib/utils/recent-value';

export type TOverview = {
  sites: { id: string; name: string; region: string; state: string; isHome: boolean; running: number; total: number }[];
  workstations: { running: number; total: number; withErrors: number };
  shots: { total: number; versions: number; withParseErrors: number };
  /** `count`: workers processes alive (beating within WORKER_DEAD_AFTER_SECONDS); `lastBeatAt`: the latest beat. */
  workers: { lastBeatAt: string | null; count: number };
};

export async function getOverview(actor: Actor, now = new Date()): Promise<TOverview> {
  requireRole(actor, 'admin', 'producer');
  const client = db();
  const [sites, byState, withErrors, shots, versions, parseErrors, beats] = await Promise.all([
    client.site.findMany({ orderBy: [{ isHome: 'desc' }, { name: 'asc' }], select: { id: true, name: true, region: true, state: true, isHome: true } }),
    client.workstation.groupBy({ by: ['siteId', 'observedState'], where: { desiredState: { not: 'terminated' } }, _count: { _all: true } }),
    client.workstation.count({ where: { lastError: { not: null }, desiredState: { not: 'terminated' } } }),
    client.shot.count(),
    client.version.count(),
    client.shot.count({ where: { parseError: { not: null } } }),
    client.workerHeartbeat.findMany({ where: { beatAt: { gt: new Date(now.getTime() - env().WORKER_DEAD_AFTER_SECONDS * 1000) }, declaredDeadAt: null }, orderBy: { beatAt: 'desc' }, select: { beatAt: true } }),
  ]);
  const perSite = (siteId: string, running: boolean) =>
    byState.filter((g) => g.siteId === siteId && (!running || g.observedState === 'running')).reduce((n, g) => n + g._count._all, 0);
  return {
    sites: sites.map((s) => ({ ...s, running: perSite(s.id, true), total: perSite(s.id, false) })),
    workstations: {
      running: byState.filter((g) => g.observedState === 'running').reduce((n, g) => n + g._count._all, 0),
      total: byState.reduce((n, g) => n + g._count._all, 0),
      withErrors,
    },
    shots: { total: shots, versions, withParseErrors: parseErrors },
    workers: { lastBeatAt: beats[0]?.beatAt.toISOString() ?? null, count: beats.length },
  };
}

/**
 * The Overview page's read: the same figures, computed at most every 5 s per web process and shared by
 * everyone looking. Counting 100,000 versions and 5,000 workstations for every viewer's every refresh
 * was most of the page's cost at studio scale (bench/pages.ts); "at a glance" tolerates 5 seconds.
 */
const recent = recentValue<TOverview>(5_000);

export async function getRecentOverview(actor: Actor): Promise<TOverview> {
  requireRole(actor, 'admin', 'producer');
  return recent.get(() => getOverview(actor));
}
