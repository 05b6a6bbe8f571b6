/**
 * The Overview's "worst lag now": the largest fresh lag of any pair on any share, ignoring pairs with
 * an unreachable Anvil (the Overview says how many Anvils are unreachable instead).
 */
import { listAnvilSites, listShareThresholds } from '@/lib/db/anvil-sites';
import { latestSamples } from '@/lib/db/replication-samples';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { STALE_AFTER_MS } from '@/lib/domain/hammerspace/matrix';
import { lagTone, type TLagTone } from '@/lib/domain/hammerspace/thresholds';

export type TWorstLag = {
  worst: { from: string; to: string; share: string; lagSeconds: number; tone: TLagTone; at: string } | null;
  unreachable: string[];
  sampledPairs: number;
};

export async function getWorstLag(actor: Actor, now = new Date()): Promise<TWorstLag> {
  requireRole(actor, 'admin', 'producer');
  const [sites, shares, latest] = await Promise.all([listAnvilSites(), listShareThresholds(), latestSamples(new Date(now.getTime() - STALE_AFTER_MS), null)]);
  const byId = new Map(sites.map((s) => [s.id, s]));
  const share = new Map(shares.map((s) => [s.id, s]));
  const usable = latest.filter((l) => byId.get(l.fromSiteId)?.anvilUnreachableAt === null && byId.get(l.toSiteId)?.anvilUnreachableAt === null);
  const top = usable.sort((a, b) => b.lagSeconds - a.lagSeconds)[0];
  const threshold = top ? (share.get(top.shareId)?.lagAlertSeconds ?? 60) : 60;
  return {
    worst: top ? {
      from: byId.get(top.fromSiteId)?.name ?? '?', to: byId.get(top.toSiteId)?.name ?? '?', share: share.get(top.shareId)?.name ?? '?',
      lagSeconds: top.lagSeconds, tone: lagTone(top.lagSeconds, threshold), at: top.at.toISOString(),
    } : null,
    unreachable: sites.filter((s) => s.anvilUnreachableAt).map((s) => s.name),
    sampledPairs: usable.length,
  };
}
