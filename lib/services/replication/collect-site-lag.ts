/**
 * One pass of a site's lag collector (every 15 s per site, see schedule-lag-collection.ts): reads the
 * lag from this site to each peer on each share it takes part in, stores the samples, and raises or
 * clears alerts. An unreachable Anvil is recorded (with the time it was first seen down), never thrown:
 * the chain keeps running and notices the Anvil coming back.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { findAnvilSite, sharesOfSite } from '@/lib/db/anvil-sites';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { AppError } from '@/lib/errors';
import { hasAnvil } from '@/lib/services/hammerspace/anvil-for-site';
import { parseInput } from '@/lib/services/hammerspace/parse-input';
import { DEFAULT_CANARY, observeSiteLag, type TCanaryOptions, type TShareToWatch } from './observe-site-lag';
import { recordLag } from './record-lag';

export const ZCollectSiteLag = z.object({ siteId: z.string().min(1) });

export type TCollectResult = {
  siteId: string;
  skipped: string | null;
  reachable: boolean | null;
  samples: { toSiteId: string; shareId: string; lagSeconds: number; source: string; skewFlag: boolean }[];
  raised: string[];
  resolved: string[];
  problems: string[];
};

const WATCHED_STATES = ['provisioning', 'active', 'draining'];

export async function collectSiteLag(actor: Actor, raw: z.input<typeof ZCollectSiteLag>, canary: TCanaryOptions = DEFAULT_CANARY): Promise<TCollectResult> {
  requireRole(actor, 'admin');
  const { siteId } = parseInput(ZCollectSiteLag, raw);
  const site = await findAnvilSite(siteId);
  if (!site) throw new AppError('NOT_FOUND', 'That site no longer exists.');
  const result: TCollectResult = { siteId, skipped: null, reachable: null, samples: [], raised: [], resolved: [], problems: [] };
  if (!hasAnvil(site) || !WATCHED_STATES.includes(site.state)) return { ...result, skipped: hasAnvil(site) ? `site is ${site.state}` : 'no Anvil configured' };

  const shares: TShareToWatch[] = (await sharesOfSite(siteId)).map((s) => ({
    id: s.id, name: s.name, lagAlertSeconds: s.lagAlertSeconds,
    peers: s.participants.map((p) => p.site).filter((p) => p.id !== siteId && hasAnvil(p) && WATCHED_STATES.includes(p.state)),
  }));
  const obs = await observeSiteLag(site, shares, canary);
  const recorded = await db().$transaction((tx) => recordLag(tx, site, shares, obs));
  return {
    ...result,
    reachable: obs.reachable,
    samples: recorded.samples.map((s) => ({ toSiteId: s.toSiteId, shareId: s.shareId, lagSeconds: s.lagSeconds, source: s.source, skewFlag: s.skewFlag })),
    raised: recorded.raised,
    resolved: recorded.resolved,
    problems: obs.reachable ? obs.problems : [obs.error],
  };
}
