/**
 * Lag samples (raw, 48 h) and their one-minute rollups (30 days). Reads are by pair and share; the
 * latest sample of each pair comes from one DISTINCT ON query over the (from, to, at) index.
 */
import { db, type Tx } from './client';

export type TSampleInput = { at: Date; fromSiteId: string; toSiteId: string; shareId: string; source: string; lagSeconds: number; skewFlag: boolean };

export async function insertSamples(samples: TSampleInput[], tx: Tx = db()): Promise<void> {
  if (samples.length) await tx.replicationSample.createMany({ data: samples });
}

export type TLatestSample = { fromSiteId: string; toSiteId: string; shareId: string; lagSeconds: number; at: Date; source: string; skewFlag: boolean };

/** The newest sample of every pair of a share (or of every share), within `since`. */
export function latestSamples(since: Date, shareId: string | null, tx: Tx = db()): Promise<TLatestSample[]> {
  return tx.$queryRaw<TLatestSample[]>`
    SELECT DISTINCT ON (from_site_id, to_site_id, share_id)
      from_site_id AS "fromSiteId", to_site_id AS "toSiteId", share_id AS "shareId", lag_seconds AS "lagSeconds", at, source, skew_flag AS "skewFlag"
    FROM replication_samples
    WHERE at >= ${since} AND (${shareId}::text IS NULL OR share_id = ${shareId})
    ORDER BY from_site_id, to_site_id, share_id, at DESC`;
}

/** When each site's collector last stored a sample (by the sending site). */
export async function lastSampleBySite(since: Date, tx: Tx = db()): Promise<Map<string, Date>> {
  const rows = await tx.replicationSample.groupBy({ by: ['fromSiteId'], where: { at: { gte: since } }, _max: { at: true } });
  return new Map(rows.filter((r) => r._max.at).map((r) => [r.fromSiteId, r._max.at as Date]));
}

export function rawSeries(pair: { fromSiteId: string; toSiteId: string; shareId: string }, since: Date, tx: Tx = db()) {
  return tx.replicationSample.findMany({ where: { ...pair, at: { gte: since } }, select: { at: true, lagSeconds: true, source: true, skewFlag: true }, orderBy: { at: 'asc' } });
}

export function rollupSeries(pair: { fromSiteId: string; toSiteId: string; shareId: string }, since: Date, tx: Tx = db()) {
  return tx.replicationRollup.findMany({ where: { ...pair, minute: { gte: since } }, select: { minute: true, avgLag: true, maxLag: true, samples: true }, orderBy: { minute: 'asc' } });
}

export async function lastRollupMinute(tx: Tx = db()): Promise<Date | null> {
  const r = await tx.replicationRollup.aggregate({ _max: { minute: true } });
  return r._max.minute;
}

export function samplesBetween(from: Date, to: Date, tx: Tx = db()) {
  return tx.replicationSample.findMany({
    where: { at: { gte: from, lt: to } },
    select: { at: true, fromSiteId: true, toSiteId: true, shareId: true, lagSeconds: true, fromSite: { select: { region: true } }, toSite: { select: { region: true } }, share: { select: { name: true } } },
    orderBy: { at: 'asc' },
  });
}

export type TRollupInput = { minute: Date; fromSiteId: string; toSiteId: string; shareId: string; avgLag: number; maxLag: number; samples: number };

/** Upserts rollups: a minute rolled again (a late sample) is recomputed, not doubled. */
export async function upsertRollups(rows: TRollupInput[], tx: Tx = db()): Promise<void> {
  for (const r of rows) {
    const { avgLag, maxLag, samples, ...key } = r;
    await tx.replicationRollup.upsert({ where: { minute_fromSiteId_toSiteId_shareId: key }, create: r, update: { avgLag, maxLag, samples } });
  }
}

export async function deleteExpired(cutoffs: { rawBefore: Date; rollupBefore: Date }, tx: Tx = db()): Promise<{ raw: number; rollups: number }> {
  const raw = await tx.replicationSample.deleteMany({ where: { at: { lt: cutoffs.rawBefore } } });
  const rollups = await tx.replicationRollup.deleteMany({ where: { minute: { lt: cutoffs.rollupBefore } } });
  return { raw: raw.count, rollups: rollups.count };
}
