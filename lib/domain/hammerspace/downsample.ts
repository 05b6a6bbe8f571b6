/**
 * Retention and downsampling of lag samples: raw samples for 48 hours, one-minute averages (with the
 * maximum, so a spike survives averaging) for 30 days. A chart reads raw samples for the last hour and
 * minute rollups beyond, merged into wider buckets so that 7 days stay about a thousand points.
 */

export const RAW_RETENTION_MS = 48 * 3600_000;
export const ROLLUP_RETENTION_MS = 30 * 24 * 3600_000;
export const MINUTE_MS = 60_000;

export const LAG_RANGES = ['1h', '24h', '7d'] as const;
export type TLagRange = (typeof LAG_RANGES)[number];

export type TRawLag = { atMs: number; key: string; lagSeconds: number };
export type TMinuteRollup = { minuteMs: number; key: string; avgLag: number; maxLag: number; samples: number };
/** One point of a chart: the mean over its bucket, and the worst. */
export type TLagPoint = { tMs: number; avg: number; max: number; samples: number };

export const minuteOf = (ms: number) => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

/** Averages per series key and minute. Only minutes that are over (before `beforeMs`) are rolled up. */
export function rollupByMinute(samples: TRawLag[], beforeMs: number): TMinuteRollup[] {
  const acc = new Map<string, TMinuteRollup & { sum: number }>();
  for (const s of samples) {
    const minuteMs = minuteOf(s.atMs);
    if (minuteMs + MINUTE_MS > beforeMs) continue;
    const id = `${s.key}\u0000${minuteMs}`;
    const cur = acc.get(id);
    if (!cur) acc.set(id, { minuteMs, key: s.key, avgLag: s.lagSeconds, maxLag: s.lagSeconds, samples: 1, sum: s.lagSeconds });
    else {
      cur.sum += s.lagSeconds;
      cur.samples += 1;
      cur.maxLag = Math.max(cur.maxLag, s.lagSeconds);
      cur.avgLag = cur.sum / cur.samples;
    }
  }
  return [...acc.values()]
    .map(({ sum: _sum, ...r }) => ({ ...r, avgLag: Math.round(r.avgLag * 1000) / 1000 }))
    .sort((a, b) => a.minuteMs - b.minuteMs || a.key.localeCompare(b.key));
}

export function retentionCutoffs(nowMs: number): { rawBefore: Date; rollupBefore: Date } {
  return { rawBefore: new Date(nowMs - RAW_RETENTION_MS), rollupBefore: new Date(nowMs - ROLLUP_RETENTION_MS) };
}

export function rangeMs(range: TLagRange): number {
  return range === '1h' ? 3600_000 : range === '24h' ? 24 * 3600_000 : 7 * 24 * 3600_000;
}

/** Where a chart reads from and how wide its buckets are (0: every raw sample). */
export function chartResolution(range: TLagRange): { source: 'raw' | 'rollup'; bucketMs: number } {
  if (range === '1h') return { source: 'raw', bucketMs: 0 };
  if (range === '24h') return { source: 'rollup', bucketMs: 2 * MINUTE_MS };
  return { source: 'rollup', bucketMs: 10 * MINUTE_MS };
}

/** Merges points into buckets of `bucketMs` (sample-weighted mean, overall max). */
export function bucketize(points: TLagPoint[], bucketMs: number): TLagPoint[] {
  if (bucketMs <= 0) return [...points].sort((a, b) => a.tMs - b.tMs);
  const acc = new Map<number, { sum: number; max: number; samples: number }>();
  for (const p of points) {
    const t = Math.floor(p.tMs / bucketMs) * bucketMs;
    const cur = acc.get(t) ?? { sum: 0, max: Number.NEGATIVE_INFINITY, samples: 0 };
    const weight = Math.max(1, p.samples);
    cur.sum += p.avg * weight;
    cur.samples += weight;
    cur.max = Math.max(cur.max, p.max);
    acc.set(t, cur);
  }
  return [...acc.entries()]
    .sort(([a], [b]) => a - b)
    .map(([tMs, v]) => ({ tMs, avg: Math.round((v.sum / v.samples) * 1000) / 1000, max: v.max, samples: v.samples }));
}
