/**
 * The lag collector runs every 15 s per site, faster than graphile-worker's per-minute cron, so each
 * site has a chain: a pass queues the next one 15 s after it started (job key per site, mode
 * `replace`). A per-minute fan-out starts chains for new sites and restarts chains that died, leaving
 * live ones alone.
 */
import { db, type Tx } from '@/lib/db/client';
import { listAnvilSites } from '@/lib/db/anvil-sites';
import { enqueue } from '@/lib/jobs';
import { liveJobKeys } from '@/lib/jobs/live-keys';

export const COLLECT_INTERVAL_MS = 15_000;
export const collectJobKey = (siteId: string) => `replication:collect-site:${siteId}`;

export async function scheduleNextCollection(siteId: string, startedAt: Date, tx: Tx = db()): Promise<void> {
  const runAt = new Date(Math.max(Date.now(), startedAt.getTime() + COLLECT_INTERVAL_MS));
  await enqueue(tx, 'replication:collect-site', { siteId }, { jobKey: collectJobKey(siteId), jobKeyMode: 'replace', runAt, maxAttempts: 2 });
}

/** The fan-out: a chain for every site with an Anvil that lacks a live one. Returns how many were started. */
export async function ensureCollectionChains(now = new Date()): Promise<number> {
  const sites = await listAnvilSites();
  return db().$transaction(async (tx) => {
    const live = await liveJobKeys(tx, sites.map((s) => collectJobKey(s.id)), 2 * 60_000, now);
    const missing = sites.filter((s) => !live.has(collectJobKey(s.id)));
    for (const s of missing) {
      await enqueue(tx, 'replication:collect-site', { siteId: s.id }, { jobKey: collectJobKey(s.id), jobKeyMode: 'replace', maxAttempts: 2 });
    }
    return missing.length;
  });
}
