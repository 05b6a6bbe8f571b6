/**
 * Scheduling of the objectives reconciler, one job key per site:
 * - after an edit, `requestObjectivesReconcile` (mode `replace`) runs the affected sites' passes now;
 * - every minute, the fan-out queues a pass for every site with an Anvil (mode `preserve_run_at`, so a
 *   pass already waiting keeps its time), which is how drift made on an Anvil gets repaired.
 */
import { db, type Tx } from '@/lib/db/client';
import { listAnvilSites } from '@/lib/db/anvil-sites';
import { enqueue } from '@/lib/jobs';

export const objectivesJobKey = (siteId: string) => `objectives:reconcile-site:${siteId}`;

/** Several sites' keys are taken in site id order, as everywhere (see requestReconcileMany): no deadlock. */
export async function requestObjectivesReconcile(tx: Tx, siteIds: Iterable<string>, reason: string): Promise<void> {
  for (const siteId of [...new Set(siteIds)].sort()) {
    await enqueue(tx, 'objectives:reconcile-site', { siteId, reason }, { jobKey: objectivesJobKey(siteId), jobKeyMode: 'replace', maxAttempts: 3 });
  }
}

/** The per-minute fan-out. Returns how many sites were queued. */
export async function fanOutObjectivesReconcile(): Promise<number> {
  const sites = await listAnvilSites();
  await db().$transaction(async (tx) => {
    // In site id order, as requestObjectivesReconcile takes them.
    for (const siteId of sites.map((s) => s.id).sort()) {
      await enqueue(tx, 'objectives:reconcile-site', { siteId, reason: 'schedule' }, { jobKey: objectivesJobKey(siteId), jobKeyMode: 'preserve_run_at', maxAttempts: 3 });
    }
  });
  return sites.length;
}
