import { invalidParameterValue } from '../errors';
import type { Sample } from './store';

const BASIC = new Set(['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount']);
const PERCENTILE_RE = /^p(\d{1,2}(\.\d+)?|100)$/;

export function checkStat(stat: string, field: string): void {
  if (!BASIC.has(stat) && !PERCENTILE_RE.test(stat)) {
    throw invalidParameterValue(`The value ${stat} for parameter ${field} is invalid.`);
  }
}

/** CloudWatch periods: 1, 5, 10, 20, 30 (high resolution) or any multiple of 60 seconds. */
export function checkPeriod(period: unknown, field: string): number {
  const p = Number(period);
  if (!Number.isInteger(p) || p <= 0 || (p % 60 !== 0 && ![1, 5, 10, 20, 30].includes(p))) {
    throw invalidParameterValue(`The parameter ${field} must be a multiple of 60 or one of 1, 5, 10, 20, 30.`);
  }
  return p;
}

/** Buckets of `periodMs` aligned on the query's start time, each holding its samples, in time order. */
export function bucketize(samples: Sample[], start: number, periodMs: number): Array<{ t: number; samples: Sample[] }> {
  const buckets = new Map<number, Sample[]>();
  for (const s of samples) {
    const t = start + Math.floor((s.t - start) / periodMs) * periodMs;
    const list = buckets.get(t);
    if (list) list.push(s);
    else buckets.set(t, [s]);
  }
  return [...buckets].sort((a, b) => a[0] - b[0]).map(([t, list]) => ({ t, samples: list }));
}

/**
 * A statistic over one bucket. Percentiles need raw values, which we have for single-value samples
 * (and, approximately, each aggregated sample's mean otherwise).
 */
export function statValue(stat: string, samples: Sample[]): number {
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const s of samples) {
    count += s.count;
    sum += s.sum;
    if (s.min < min) min = s.min;
    if (s.max > max) max = s.max;
  }
  switch (stat) {
    case 'Average':
      return count ? sum / count : 0;
    case 'Sum':
      return sum;
    case 'Minimum':
      return min;
    case 'Maximum':
      return max;
    case 'SampleCount':
      return count;
    default: {
      const p = Number(stat.slice(1)) / 100;
      const values = samples.map((s) => s.sum / s.count).sort((a, b) => a - b);
      return values[Math.min(values.length - 1, Math.max(0, Math.ceil(p * values.length) - 1))] ?? 0;
    }
  }
}
