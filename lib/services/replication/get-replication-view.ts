/**
 * The Replication page: for one share, the site × site matrix of the latest lag (coloured against the
 * share's threshold), each site's last sample age, reachability ("unreachable since …") and clock skew,
 * the open alerts, and the chart of the chosen pair.
 */
import { z } from 'zod';
import { listOpenAlerts, recentlyResolvedAlerts } from '@/lib/db/alerts';
import { listAnvilSites, listSharesWithSites } from '@/lib/db/anvil-sites';
import { lastSampleBySite, latestSamples } from '@/lib/db/replication-samples';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { LAG_RANGES } from '@/lib/domain/hammerspace/downsample';
import { buildLagMatrix, worstLag, type TMatrixSite } from '@/lib/domain/hammerspace/matrix';
import { skewAlertKey } from '@/lib/domain/hammerspace/thresholds';
import { parseInput } from '@/lib/services/hammerspace/parse-input';
import { getLagSeries } from './get-lag-series';

export const ZReplicationView = z.object({
  shareId: z.string().min(1).optional(),
  from: z.string().min(1).optional(),
  to: z.string().min(1).optional(),
  range: z.enum(LAG_RANGES).catch('1h').default('1h'),
});

export const ALERT_KINDS = ['replication_lag', 'anvil_unreachable', 'clock_skew'];
const DAY_MS = 86_400_000;

export async function getReplicationView(actor: Actor, raw: z.input<typeof ZReplicationView> = {}, now = new Date()) {
  requireRole(actor, 'admin');
  const input = parseInput(ZReplicationView, raw);
  const shares = await listSharesWithSites();
  const share = shares.find((s) => s.id === input.shareId) ?? shares[0] ?? null;
  const [anvilSites, latest, lastBySite, alerts, resolved] = await Promise.all([
    listAnvilSites(),
    share ? latestSamples(new Date(now.getTime() - DAY_MS), share.id) : Promise.resolve([]),
    lastSampleBySite(new Date(now.getTime() - DAY_MS)),
    listOpenAlerts(ALERT_KINDS),
    recentlyResolvedAlerts(ALERT_KINDS, new Date(now.getTime() - DAY_MS)),
  ]);
  const members = new Set(share?.participants.map((p) => p.site.id) ?? []);
  const skewed = new Set(alerts.filter((a) => a.kind === 'clock_skew').map((a) => a.dedupeKey));
  const sites: (TMatrixSite & { lastSampleAt: string | null; isHome: boolean })[] = anvilSites
    .filter((s) => members.has(s.id))
    .map((s) => ({
      id: s.id, name: s.name, region: s.region, isHome: s.isHome,
      unreachableSince: s.anvilUnreachableAt?.toISOString() ?? null,
      skewed: skewed.has(skewAlertKey(s.id)),
      lastSampleAt: lastBySite.get(s.id)?.toISOString() ?? null,
    }));
  const threshold = share?.lagAlertSeconds ?? 60;
  const rows = buildLagMatrix(sites, latest.map((l) => ({ ...l, at: l.at.toISOString() })), threshold, now.getTime());
  const pick = (id: string | undefined) => sites.find((s) => s.id === id);
  const fromSite = pick(input.from);
  const toSite = pick(input.to);
  const selected = share && fromSite && toSite && fromSite.id !== toSite.id
    ? { from: fromSite, to: toSite, ...(await getLagSeries(actor, { fromSiteId: fromSite.id, toSiteId: toSite.id, shareId: share.id, range: input.range }, now)) }
    : null;
  const siteName = (id: string | null) => anvilSites.find((s) => s.id === id)?.name ?? null;
  return {
    now: now.toISOString(),
    shares: shares.map((s) => ({ id: s.id, name: s.name, lagAlertSeconds: s.lagAlertSeconds })),
    share: share ? { id: share.id, name: share.name, path: share.path, lagAlertSeconds: share.lagAlertSeconds } : null,
    sites,
    rows,
    worst: worstLag(rows),
    alerts: alerts.map((a) => ({ id: a.id, kind: a.kind, message: a.message, raisedAt: a.raisedAt.toISOString(), site: siteName(a.siteId) })),
    resolved: resolved.map((a) => ({ id: a.id, kind: a.kind, message: a.message, raisedAt: a.raisedAt.toISOString(), resolvedAt: a.resolvedAt?.toISOString() ?? null })),
    selected,
  };
}

export type TReplicationView = Awaited<ReturnType<typeof getReplicationView>>;
