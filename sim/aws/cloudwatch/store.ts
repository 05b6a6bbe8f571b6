export interface Dimension {
  Name: string;
  Value: string;
}

/** One aggregated observation: a single value is count 1 with sum = min = max = value. */
export interface Sample {
  t: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

export interface Series {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  unit?: string;
  samples: Sample[];
  sorted: boolean;
}

/** Custom metrics keep 1-minute data for 15 days on CloudWatch; older samples are dropped. */
const RETENTION_MS = 15 * 24 * 3600 * 1000;
const PRUNE_EVERY = 5000;

export function sortDimensions(dims: Dimension[]): Dimension[] {
  return [...dims].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
}

export function metricKey(namespace: string, metricName: string, dims: Dimension[]): string {
  return JSON.stringify([namespace, metricName, sortDimensions(dims).map((d) => [d.Name, d.Value])]);
}

/** Custom (PutMetricData) series, per region. AWS/EC2 data is generated, never stored here. */
export class MetricStore {
  private regions = new Map<string, Map<string, Series>>();

  put(region: string, namespace: string, metricName: string, dims: Dimension[], sample: Sample, unit?: string): void {
    let byKey = this.regions.get(region);
    if (!byKey) this.regions.set(region, (byKey = new Map()));
    const key = metricKey(namespace, metricName, dims);
    let series = byKey.get(key);
    if (!series) {
      series = { namespace, metricName, dimensions: sortDimensions(dims), unit, samples: [], sorted: true };
      byKey.set(key, series);
    }
    const last = series.samples[series.samples.length - 1];
    if (last && last.t > sample.t) series.sorted = false;
    series.samples.push(sample);
    if (unit) series.unit = unit;
    if (series.samples.length % PRUNE_EVERY === 0) this.prune(series, Date.now());
  }

  get(region: string, namespace: string, metricName: string, dims: Dimension[]): Series | undefined {
    const series = this.regions.get(region)?.get(metricKey(namespace, metricName, dims));
    if (series && !series.sorted) {
      series.samples.sort((a, b) => a.t - b.t);
      series.sorted = true;
    }
    return series;
  }

  list(region: string): Series[] {
    return [...(this.regions.get(region)?.values() ?? [])];
  }

  reset(): void {
    this.regions.clear();
  }

  private prune(series: Series, now: number): void {
    series.samples = series.samples.filter((s) => s.t >= now - RETENTION_MS);
  }
}

/** Samples within [from, to), by binary search when sorted. */
export function samplesBetween(series: Series, from: number, to: number): Sample[] {
  const s = series.samples;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((s[mid] as Sample).t < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Sample[] = [];
  for (let i = lo; i < s.length && (s[i] as Sample).t < to; i++) out.push(s[i] as Sample);
  return out;
}
