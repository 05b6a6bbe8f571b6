/**
 * One link of a site's collector chain, as the worker runs it: collect, then queue the next pass 15 s
 * after this one started, even when this one failed (a database hiccup must not end the chain). A site
 * that is gone or has no Anvil any more ends its chain.
 */
import { findAnvilSite } from '@/lib/db/anvil-sites';
import { systemActor } from '@/lib/domain/auth/actor';
import { isAppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { hasAnvil } from '@/lib/services/hammerspace/anvil-for-site';
import { collectSiteLag, type TCollectResult } from './collect-site-lag';
import { scheduleNextCollection } from './schedule-lag-collection';

export async function runScheduledCollection(siteId: string): Promise<TCollectResult | null> {
  const startedAt = new Date();
  let result: TCollectResult | null = null;
  try {
    result = await collectSiteLag(systemActor('lag-collector'), { siteId });
    return result;
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') return null;
    logger.error({ err, siteId }, 'lag collection failed');
    return null;
  } finally {
    const site = await findAnvilSite(siteId).catch(() => null);
    if (site && hasAnvil(site) && !result?.skipped) await scheduleNextCollection(siteId, startedAt);
  }
}
