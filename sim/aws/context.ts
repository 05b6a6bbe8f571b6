import { Rng } from './rng';
import { Counters, Throttler } from './throttle';
import { RegionState, type Transitions } from './ec2/state';
import type { Instance } from './ec2/instance';
import { MetricStore } from './cloudwatch/store';

export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
  /** A read-only key may call Describe*, Get* and List* only; anything else is UnauthorizedOperation. */
  readOnly: boolean;
  userName: string;
}

export interface CapacityFault {
  region: string;
  instanceType: string;
  availabilityZone?: string;
  /** Fail this many more launches, then recover; undefined = until cleared. */
  remaining?: number;
}

export interface ContextOptions {
  seed: number;
  throttling: boolean;
  transitions: Transitions;
  keys: AccessKey[];
}

/** All simulator state in one place, so a reset is one call and tests never share hidden globals. */
export class SimContext {
  readonly accountId = '111122223333';
  readonly keys = new Map<string, AccessKey>();
  readonly counters = new Counters();
  readonly metrics = new MetricStore();
  readonly capacity: CapacityFault[] = [];
  /** Per-region on-demand vCPU quota; absent = unlimited. */
  readonly vcpuLimits = new Map<string, number>();
  /** Added before every API answer (AWS's own latency: RunInstances takes hundreds of ms); 0 = none. */
  latencyMs = 0;
  /** Told after every call that may have changed the world (a state file saves on it); reads never call it. */
  onChange: (() => void) | undefined;
  rng: Rng;
  throttler: Throttler;
  transitions: Transitions;
  seed: number;
  private regions = new Map<string, RegionState>();

  constructor(private readonly options: ContextOptions) {
    for (const k of options.keys) this.keys.set(k.accessKeyId, k);
    this.seed = options.seed;
    this.rng = new Rng(options.seed);
    this.transitions = { ...options.transitions };
    this.throttler = new Throttler(this.rng, options.throttling);
  }

  now(): number {
    return Date.now();
  }

  region(name: string): RegionState {
    let r = this.regions.get(name);
    if (!r) this.regions.set(name, (r = new RegionState(name, this.transitions, this.rng)));
    return r;
  }

  /** Regions with state, after settling their transitions. */
  regionsWithState(): RegionState[] {
    const now = this.now();
    for (const r of this.regions.values()) r.tick(now);
    return [...this.regions.values()];
  }

  findInstance(instanceId: string): { region: RegionState; instance: Instance } | undefined {
    for (const region of this.regionsWithState()) {
      const instance = region.instances.get(instanceId);
      if (instance) return { region, instance };
    }
    return undefined;
  }

  newId(prefix: string): string {
    return `${prefix}-${this.rng.hex(17)}`;
  }

  reset(seed?: number): void {
    this.seed = seed ?? this.options.seed;
    this.rng = new Rng(this.seed);
    Object.assign(this.transitions, this.options.transitions);
    this.throttler = new Throttler(this.rng, this.options.throttling);
    this.regions = new Map();
    this.counters.reset();
    this.metrics.reset();
    this.capacity.length = 0;
    this.vcpuLimits.clear();
    this.latencyMs = 0;
  }
}
