import { describe, expect, it } from 'vitest';
import { bucketize, chartResolution, minuteOf, retentionCutoffs, rollupByMinute } from './downsample';

const T = Date.UTC(2026, 10, 25, 12, 0, 0);

describe('rollupByMinute', () => {
  it('averages each series per minute and keeps the maximum', () => {
    const rollups = rollupByMinute([
      { atMs: T + 1_000, key: 'a', lagSeconds: 2 },
      { atMs: T + 16_000, key: 'a', lagSeconds: 4 },
      { atMs: T + 31_000, key: 'a', lagSeconds: 9 },
      { atMs: T + 5_000, key: 'b', lagSeconds: 1 },
      { atMs: T + 61_000, key: 'a', lagSeconds: 3 },
    ], T + 120_000);
    expect(rollups).toEqual([
      { minuteMs: T, key: 'a', avgLag: 5, maxLag: 9, samples: 3 },
      { minuteMs: T, key: 'b', avgLag: 1, maxLag: 1, samples: 1 },
      { minuteMs: T + 60_000, key: 'a', avgLag: 3, maxLag: 3, samples: 1 },
    ]);
  });

  it('leaves the minute still in progress alone', () => {
    expect(rollupByMinute([{ atMs: T + 61_000, key: 'a', lagSeconds: 3 }], T + 90_000)).toEqual([]);
  });
});

describe('retention and charts', () => {
  it('keeps raw samples 48 hours and rollups 30 days', () => {
    const { rawBefore, rollupBefore } = retentionCutoffs(T);
    expect(T - rawBefore.getTime()).toBe(48 * 3600_000);
    expect(T - rollupBefore.getTime()).toBe(30 * 86_400_000);
  });

  it('reads raw samples for an hour and rollups beyond', () => {
    expect(chartResolution('1h')).toEqual({ source: 'raw', bucketMs: 0 });
    expect(chartResolution('24h').source).toBe('rollup');
    // 7 days in 10-minute buckets is about a thousand points.
    expect((7 * 86_400_000) / chartResolution('7d').bucketMs).toBe(1008);
  });

  it('merges points into buckets weighted by samples', () => {
    const merged = bucketize([
      { tMs: T, avg: 2, max: 3, samples: 4 },
      { tMs: T + 60_000, avg: 8, max: 20, samples: 2 },
      { tMs: T + 600_000, avg: 1, max: 1, samples: 4 },
    ], 600_000);
    expect(merged).toEqual([
      { tMs: T, avg: 4, max: 20, samples: 6 },
      { tMs: T + 600_000, avg: 1, max: 1, samples: 4 },
    ]);
    expect(minuteOf(T + 59_999)).toBe(T);
  });
});
