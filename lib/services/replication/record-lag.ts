/**
 * Writes one collector pass in one transaction: the site's reachability (only on change), one sample
 * per (pair, share) with the effective lag and where it came from, and the alerts the pass raises or
 * clears (lag over the share's threshold, Anvil unreachable, clock out of sync), each raised alert
 * with a notification to every admin. Not a use case of its own.
 */
import { type Tx } from '@/lib/db/client';
import { findOpenAlerts, notifyAdmins, raiseAlert, resolveAlert } from '@/lib/db/alerts';
import { recordAnvilReachability, type TAnvilSiteRow } from '@/lib/db/anvil-sites';
import { insertSamples, type TSampleInput } from '@/lib/db/replication-samples';
import { effectiveLag, formatLag } from '@/lib/domain/hammerspace/lag';
import { describeSkew } from '@/lib/domain/hammerspace/skew';
import { decideLagAlert, lagAlertKey, skewAlertKey, unreachableAlertKey } from '@/lib/domain/hammerspace/thresholds';
import { publishChange } from '@/lib/services/live/publish-change';
import type { TShareToWatch, TSiteObservation } from './observe-site-lag';
import { requestObjectivesReconcile } from '@/lib/services/objectives/request-reconcile';

export type TRecorded = { samples: TSampleInput[]; raised: string[]; resolved: string[]; siteChanged: boolean };

export async function recordLag(tx: Tx, site: TAnvilSiteRow, shares: TShareToWatch[], obs: TSiteObservation): Promise<TRecorded> {
  const out: TRecorded = { samples: [], raised: [], resolved: [], siteChanged: false };
  const now = obs.at;
  const names = new Map(shares.flatMap((s) => s.peers).map((p) => [p.id, p.name]));
  const raise = async (kind: string, dedupeKey: string, message: string, title: string, extra: { shareId?: string } = {}) => {
    if (!(await raiseAlert({ kind, dedupeKey, message, siteId: site.id, shareId: extra.shareId }, now, tx))) return;
    out.raised.push(dedupeKey);
    await notifyAdmins({ kind, title, body: message, link: '/replication' }, tx);
  };
  const resolve = async (key: string) => {
    if (await resolveAlert(key, now, tx)) out.resolved.push(key);
  };

  out.siteChanged = await recordAnvilReachability(site, obs.reachable, now, tx);
  if (!obs.reachable) {
    await raise('anvil_unreachable', unreachableAlertKey(site.id), `${site.name}'s Anvil is unreachable: ${obs.error}`, `${site.name}'s Anvil is unreachable`);
  } else {
    await resolve(unreachableAlertKey(site.id));
    // Back from an outage: objective edits made meanwhile are pending there; apply them now rather than
    // at the next per-minute sweep.
    if (out.resolved.includes(unreachableAlertKey(site.id))) await requestObjectivesReconcile(tx, [site.id], 'anvil-back');
    if (obs.clock.skewed) await raise('clock_skew', skewAlertKey(site.id), `${site.name}'s Anvil clock is ${describeSkew(obs.clock.offsetMs)}; times it reports are not trusted.`, `Clock skew at ${site.name}`);
    else await resolve(skewAlertKey(site.id));

    const thresholds = new Map(shares.map((s) => [s.id, s]));
    const keys = obs.pairs.map((p) => lagAlertKey(p.shareId, site.id, p.toSiteId));
    const open = new Set((await findOpenAlerts(keys, tx)).map((a) => a.dedupeKey));
    for (const p of obs.pairs) {
      const lag = effectiveLag(p.readings);
      if (lag) {
        out.samples.push({
          at: now, fromSiteId: site.id, toSiteId: p.toSiteId, shareId: p.shareId, source: lag.source, lagSeconds: lag.seconds,
          skewFlag: obs.clock.skewed || Boolean(p.peerClock?.skewed),
        });
      }
      const share = thresholds.get(p.shareId);
      const key = lagAlertKey(p.shareId, site.id, p.toSiteId);
      const decision = decideLagAlert({ lagSeconds: lag?.seconds ?? null, thresholdSeconds: share?.lagAlertSeconds ?? 0, open: open.has(key) });
      const pair = `${site.name} → ${names.get(p.toSiteId) ?? p.toSiteId}`;
      if (decision === 'raise' && lag && share) {
        const message = `Replication lag ${pair} on ${share.name} is ${formatLag(lag.seconds)} (alert threshold ${share.lagAlertSeconds} s).`;
        await raise('replication_lag', key, message, `Replication lag ${pair}: ${formatLag(lag.seconds)}`, { shareId: p.shareId });
      } else if (decision === 'resolve') await resolve(key);
    }
    await insertSamples(out.samples, tx);
  }
  if (out.samples.length || out.raised.length || out.resolved.length || out.siteChanged) await publishChange(tx, { topic: 'replication', id: site.id });
  return out;
}
