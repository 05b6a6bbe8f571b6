/**
 * The worker's side of the reconcile chain: run a pass, then queue the next one, whatever happened.
 * Errors are recorded on the site (and logged) rather than thrown, so graphile-worker never retries the
 * job with its growing backoff: the chain's own interval is the retry.
 */
import { systemActor } from '@/lib/domain/auth/actor';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { reconcileSite, type ReconcileSummary } from './reconcile-site';
import { scheduleNextReconcile } from './request-reconcile';

export async function runScheduledReconcile(input: { siteId: string }): Promise<ReconcileSummary | null> {
  const actor = systemActor('reconciler');
  let summary: ReconcileSummary | null = null;
  try {
    summary = await reconcileSite(actor, input);
  } catch (err) {
    // A deleted site ends its chain; anything else was recorded on the site and is retried next interval.
    if (isAppError(err) && err.code === 'NOT_FOUND' && !err.vendorCode) return null;
    logger.warn({ err, siteId: input.siteId }, 'reconcile pass failed');
  }
  if (summary?.skipped) return summary;
  await scheduleNextReconcile(input.siteId, env().RECONCILE_INTERVAL_SECONDS);
  return summary;
}
