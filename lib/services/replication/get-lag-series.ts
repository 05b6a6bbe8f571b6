/**
 * The lag of one pair on one share over 1 hour (raw samples), 24 hours or 7 days (minute rollups,
 * plus raw samples newer than the last rollup so the chart reaches now), in chart-sized buckets.
 */
import { z } from 'zod';
import { rawSeries, rollupSeries } from '@/lib/db/replication-samples';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { LAG_RANGES, bucketize, chartResolution, rangeMs, rollupByMinute, type TLagPoint } from '@/lib/domain/hammerspace/downsample';
import { parseInput } from '@/lib/services/hammerspace/parse-input';

export const ZLagSeries = z.object({
  fromSiteId: z.string().min(1),
  toSiteId: z.string().min(1),
  shareId: z.string().min(1),
  range: z.enum(LAG_RANGES).default('1h'),
});

export async function getLagSeries(actor: Actor, raw: z.input<typeof ZLagSeries>, now = new Date()): Promise<{ range: string; fromMs: number; toMs: number; points: TLagPoint[] }> {
  requireRole(actor, 'admin', 'producer');
  const { range, ...pair } = parseInput(ZLagSeries, raw);
  const since = new Date(now.getTime() - rangeMs(range));
  const resolution = chartResolution(range);
  let points: TLagPoint[];
  if (resolution.source === 'raw') {
    points = (await rawSeries(pair, since)).map((s) => ({ tMs: s.at.getTime(), avg: s.lagSeconds, max: s.lagSeconds, samples: 1 }));
  } else {
    const rolled = await rollupSeries(pair, since);
    const tail = rolled.length ? new Date(rolled[rolled.length - 1]!.minute.getTime() + 60_000) : since;
    const fresh = await rawSeries(pair, tail);
    const freshRollups = rollupByMinute(fresh.map((s) => ({ atMs: s.at.getTime(), key: 'x', lagSeconds: s.lagSeconds })), Number.POSITIVE_INFINITY);
    points = bucketize([
      ...rolled.map((r) => ({ tMs: r.minute.getTime(), avg: r.avgLag, max: r.maxLag, samples: r.samples })),
      ...freshRollups.map((r) => ({ tMs: r.minuteMs, avg: r.avgLag, max: r.maxLag, samples: r.samples })),
    ], resolution.bucketMs);
  }
  return { range, fromMs: since.getTime(), toMs: now.getTime(), points };
}
