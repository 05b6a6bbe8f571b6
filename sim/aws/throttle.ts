import type { Rng } from './rng';

export interface BucketSpec {
  capacity: number;
  refillPerSecond: number;
}

/**
 * EC2 request buckets as AWS publishes them (per account, per region, per action). Where AWS gives a
 * range for an action we take the tighter end, so the product meets throttling early in development.
 */
const EC2_REQUEST: Record<string, BucketSpec> = {
  RunInstances: { capacity: 5, refillPerSecond: 2 },
  StartInstances: { capacity: 5, refillPerSecond: 2 },
  StopInstances: { capacity: 50, refillPerSecond: 5 },
  TerminateInstances: { capacity: 100, refillPerSecond: 5 },
};
const EC2_NON_MUTATING: BucketSpec = { capacity: 100, refillPerSecond: 20 };
const EC2_MUTATING: BucketSpec = { capacity: 50, refillPerSecond: 5 };

/** CloudWatch publishes TPS quotas rather than buckets; a one-second burst of the quota models them. */
const CLOUDWATCH_REQUEST: Record<string, BucketSpec> = {
  PutMetricData: { capacity: 500, refillPerSecond: 500 },
  GetMetricData: { capacity: 50, refillPerSecond: 50 },
  GetMetricStatistics: { capacity: 400, refillPerSecond: 400 },
  ListMetrics: { capacity: 25, refillPerSecond: 25 },
};

/** Resource buckets count instances, not calls: one RunInstances of 100 instances takes 100 tokens. */
const RESOURCE: Record<string, BucketSpec> = {
  RunInstances: { capacity: 1000, refillPerSecond: 2 },
  TerminateInstances: { capacity: 1000, refillPerSecond: 20 },
  StopInstances: { capacity: 1000, refillPerSecond: 20 },
  StartInstances: { capacity: 1000, refillPerSecond: 20 },
};

export function defaultRequestSpec(service: string, action: string): BucketSpec {
  if (service === 'monitoring') return CLOUDWATCH_REQUEST[action] ?? { capacity: 50, refillPerSecond: 50 };
  if (EC2_REQUEST[action]) return EC2_REQUEST[action];
  return /^(Describe|Get|List|Search)/.test(action) ? EC2_NON_MUTATING : EC2_MUTATING;
}

export function defaultResourceSpec(action: string): BucketSpec | undefined {
  return RESOURCE[action];
}

class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly spec: BucketSpec,
    now: number,
  ) {
    this.tokens = spec.capacity;
    this.last = now;
  }

  level(now: number): number {
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.tokens = Math.min(this.spec.capacity, this.tokens + elapsed * this.spec.refillPerSecond);
    this.last = now;
    return this.tokens;
  }

  /** A refused request takes nothing, as on AWS: a throttled call does not dig the hole deeper. */
  take(count: number, now: number): boolean {
    if (this.level(now) < count) return false;
    this.tokens -= count;
    return true;
  }
}

export type ThrottleVerdict = 'ok' | 'injected' | 'bucket';

export class Throttler {
  bucketsEnabled: boolean;
  readonly requestOverrides = new Map<string, BucketSpec>();
  readonly resourceOverrides = new Map<string, BucketSpec>();
  /** key `${region|'*'}|${action}` → fraction of calls that fail regardless of buckets. */
  readonly faultRates = new Map<string, number>();
  private readonly requestBuckets = new Map<string, TokenBucket>();
  private readonly resourceBuckets = new Map<string, TokenBucket>();

  constructor(
    private readonly rng: Rng,
    enabled: boolean,
  ) {
    this.bucketsEnabled = enabled;
  }

  checkRequest(service: string, region: string, action: string, now: number): ThrottleVerdict {
    const rate = this.faultRates.get(`${region}|${action}`) ?? this.faultRates.get(`*|${action}`) ?? 0;
    if (rate > 0 && this.rng.next() < rate) return 'injected';
    if (!this.bucketsEnabled) return 'ok';
    const spec = this.requestOverrides.get(action) ?? defaultRequestSpec(service, action);
    return this.bucket(this.requestBuckets, `${service}|${region}|${action}`, spec, now).take(1, now) ? 'ok' : 'bucket';
  }

  takeResources(region: string, action: string, count: number, now: number): boolean {
    if (!this.bucketsEnabled) return true;
    const spec = this.resourceOverrides.get(action) ?? defaultResourceSpec(action);
    if (!spec) return true;
    return this.bucket(this.resourceBuckets, `${region}|${action}`, spec, now).take(count, now);
  }

  setFault(action: string, rate: number, region?: string): void {
    const key = `${region ?? '*'}|${action}`;
    if (rate <= 0) this.faultRates.delete(key);
    else this.faultRates.set(key, Math.min(1, rate));
  }

  /** Changing a spec starts that action's buckets full again, which is what a quota increase does. */
  setSpec(kind: 'request' | 'resource', action: string, spec: BucketSpec | null): void {
    const overrides = kind === 'request' ? this.requestOverrides : this.resourceOverrides;
    if (spec) overrides.set(action, spec);
    else overrides.delete(action);
    const buckets = kind === 'request' ? this.requestBuckets : this.resourceBuckets;
    for (const key of [...buckets.keys()]) if (key.endsWith(`|${action}`)) buckets.delete(key);
  }

  refillAll(): void {
    this.requestBuckets.clear();
    this.resourceBuckets.clear();
  }

  /** Default sizes again, every bucket full; injected fault rates stay. */
  resetBuckets(): void {
    this.requestOverrides.clear();
    this.resourceOverrides.clear();
    this.refillAll();
  }

  snapshot(now: number) {
    const levels = (buckets: Map<string, TokenBucket>) =>
      [...buckets].map(([key, b]) => ({ key, tokens: Math.floor(b.level(now) * 100) / 100, ...b.spec }));
    return {
      enabled: this.bucketsEnabled,
      requestOverrides: Object.fromEntries(this.requestOverrides),
      resourceOverrides: Object.fromEntries(this.resourceOverrides),
      faults: [...this.faultRates].map(([key, rate]) => {
        const [region, action] = key.split('|');
        return { action, region: region === '*' ? null : region, rate };
      }),
      requestBuckets: levels(this.requestBuckets),
      resourceBuckets: levels(this.resourceBuckets),
    };
  }

  private bucket(map: Map<string, TokenBucket>, key: string, spec: BucketSpec, now: number): TokenBucket {
    let b = map.get(key);
    if (!b) {
      b = new TokenBucket(spec, now);
      map.set(key, b);
    }
    return b;
  }
}

/** Per service, region and action: what the control plane asked for and how the simulator answered. */
export interface CounterRow {
  service: string;
  region: string;
  action: string;
  requests: number;
  succeeded: number;
  throttled: number;
  errors: Record<string, number>;
}

export class Counters {
  private rows = new Map<string, CounterRow>();

  record(service: string, region: string, action: string, errorCode?: string, throttled = false): void {
    const key = `${service}|${region}|${action}`;
    let row = this.rows.get(key);
    if (!row) {
      row = { service, region, action, requests: 0, succeeded: 0, throttled: 0, errors: {} };
      this.rows.set(key, row);
    }
    row.requests++;
    if (throttled) row.throttled++;
    if (errorCode) row.errors[errorCode] = (row.errors[errorCode] ?? 0) + 1;
    else row.succeeded++;
  }

  list(filter: { region?: string; action?: string; service?: string } = {}): CounterRow[] {
    return [...this.rows.values()].filter(
      (r) =>
        (!filter.region || r.region === filter.region) &&
        (!filter.action || r.action === filter.action) &&
        (!filter.service || r.service === filter.service),
    );
  }

  totals(rows: CounterRow[]) {
    return rows.reduce(
      (t, r) => ({ requests: t.requests + r.requests, succeeded: t.succeeded + r.succeeded, throttled: t.throttled + r.throttled }),
      { requests: 0, succeeded: 0, throttled: 0 },
    );
  }

  reset(): void {
    this.rows.clear();
  }
}
