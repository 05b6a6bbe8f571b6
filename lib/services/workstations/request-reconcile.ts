/**
 * Scheduling of the per-site reconcile chain. Each site has one job key, so:
 * - after a user action, `requestReconcile` (mode `replace`) pulls the site's pending pass to now;
 * - at the end of a pass, `scheduleNextReconcile` (mode `preserve_run_at`) queues the next one, unless an
 *   earlier on-demand request is already waiting;
 * - the per-minute fan-out re-creates a chain that died (e.g. with a killed worker), without delaying one
 *   that is alive.
 * graphile-worker's cron is per minute; this is how passes run every RECONCILE_INTERVAL_SECONDS.
 */
import type { Tx } from '@/lib/db/client';
import { db } from '@/lib/db/client';
import { listReconcilableSites } from '@/lib/db/workstation-sites';
import { enqueue } from '@/lib/jobs';

export const reconcileJobKey = (siteId: string) => `workstations:reconcile-site:${siteId}`;

export async function requestReconcile(tx: Tx, siteId: string, reason: string): Promise<void> {
  await enqueue(tx, 'workstations:reconcile-site', { siteId, reason }, { jobKey: reconcileJobKey(siteId), jobKeyMode: 'replace', maxAttempts: 3 });
}

/**
 * Several sites in one transaction. Each job key is a row lock until commit, so two transactions taking
 * the same keys in different orders deadlock (seen with two workers' fan-out beside a bulk stop): every
 * caller takes them in one order, by site id.
 */
export async function requestReconcileMany(tx: Tx, siteIds: Iterable<string>, reason: string): Promise<void> {
  for (const siteId of [...new Set(siteIds)].sort()) await requestReconcile(tx, siteId, reason);
}

export async function scheduleNextReconcile(siteId: string, delaySeconds: number, tx: Tx = db()): Promise<void> {
  await enqueue(tx, 'workstations:reconcile-site', { siteId, reason: 'schedule' }, {
    jobKey: reconcileJobKey(siteId),
    jobKeyMode: 'preserve_run_at',
    runAt: new Date(Date.now() + delaySeconds * 1000),
    maxAttempts: 3,
  });
}

/** The cron fan-out: make sure every reconcilable site has a pending pass. Returns the site count. */
export async function ensureReconcileChains(): Promise<number> {
  const sites = await listReconcilableSites();
  await db().$transaction(async (tx) => {
    // In site id order, as requestReconcileMany takes them: see there.
    for (const siteId of sites.map((s) => s.id).sort()) {
      await enqueue(tx, 'workstations:reconcile-site', { siteId, reason: 'fan-out' }, { jobKey: reconcileJobKey(siteId), jobKeyMode: 'preserve_run_at', maxAttempts: 3 });
    }
  });
  return sites.length;
}
