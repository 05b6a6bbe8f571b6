/**
 * Downsampling and retention, every minute: one-minute averages (and maxima) of the raw samples for
 * every pair and share, then raw samples older than 48 hours and rollups older than 30 days are
 * deleted. The last few minutes are rolled up again each run, so a sample stored late corrects its
 * minute instead of being lost.
 */
import { db } from '@/lib/db/client';
import { deleteExpired, lastRollupMinute, samplesBetween, upsertRollups } from '@/lib/db/replication-samples';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { MINUTE_MS, RAW_RETENTION_MS, minuteOf, retentionCutoffs, rollupByMinute } from '@/lib/domain/hammerspace/downsample';

const REROLL_MINUTES = 3;

export async function rollupLagSamples(actor: Actor, now = new Date()) {
  requireRole(actor, 'admin');
  const nowMs = now.getTime();
  const last = await lastRollupMinute();
  const fromMs = Math.max(nowMs - RAW_RETENTION_MS, last ? last.getTime() - REROLL_MINUTES * MINUTE_MS : 0);
  const toMs = minuteOf(nowMs);
  const raw = await samplesBetween(new Date(minuteOf(fromMs)), new Date(toMs));
  const key = (s: { fromSiteId: string; toSiteId: string; shareId: string }) => `${s.fromSiteId}|${s.toSiteId}|${s.shareId}`;
  const rollups = rollupByMinute(raw.map((s) => ({ atMs: s.at.getTime(), key: key(s), lagSeconds: s.lagSeconds })), toMs).map((r) => {
    const [fromSiteId, toSiteId, shareId] = r.key.split('|') as [string, string, string];
    return { minute: new Date(r.minuteMs), fromSiteId, toSiteId, shareId, avgLag: r.avgLag, maxLag: r.maxLag, samples: r.samples };
  });
  return db().$transaction(async (tx) => {
    await upsertRollups(rollups, tx);
    const deleted = await deleteExpired(retentionCutoffs(nowMs), tx);
    return { rolledUp: rollups.length, deletedRaw: deleted.raw, deletedRollups: deleted.rollups };
  });
}
