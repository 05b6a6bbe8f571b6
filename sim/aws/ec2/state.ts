import type { Rng } from '../rng';
import { hashUnit } from '../rng';
import { zonesOf } from './catalog';
import type { Instance, StateName } from './instance';

export interface Transitions {
  pendingMs: number;
  stoppingMs: number;
  shuttingDownMs: number;
  /** How long status checks report `initializing` after an instance starts running. */
  statusCheckMs: number;
  terminatedRetentionMs: number;
}

export interface TagSpec {
  resourceType: string;
  tags: Array<[string, string]>;
}

export interface LaunchTemplateData {
  imageId?: string;
  instanceType?: string;
  keyName?: string;
  securityGroupIds: string[];
  subnetId?: string;
  associatePublicIp?: boolean;
  availabilityZone?: string;
  iamInstanceProfile?: { arn?: string; name?: string };
  monitoring?: boolean;
  disableApiTermination?: boolean;
  ebsOptimized?: boolean;
  tagSpecs: TagSpec[];
}

export interface LaunchTemplate {
  id: string;
  name: string;
  createTime: number;
  createdBy: string;
  data: LaunchTemplateData;
  tags: Map<string, string>;
  clientToken?: string;
  versionDescription?: string;
}

export interface TokenRecord {
  fingerprint: string;
  reservationId: string;
  instances: Instance[];
}

const TRANSITIONAL: Partial<Record<StateName, keyof Transitions>> = {
  pending: 'pendingMs',
  stopping: 'stoppingMs',
  'shutting-down': 'shuttingDownMs',
};

/** Everything EC2 holds for one region. Transitions are lazy: `tick` settles them when the region is read. */
export class RegionState {
  readonly instances = new Map<string, Instance>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly templates = new Map<string, LaunchTemplate>();
  private readonly tagIndex = new Map<string, Map<string, Set<Instance>>>();
  private readonly moving = new Set<Instance>();
  private readonly terminated = new Set<Instance>();
  /** Last host number handed out per subnet; saved with the state file so restored addresses are not reused. */
  readonly subnetCounters = new Map<string, number>();
  nextSeq = 1;

  constructor(
    readonly name: string,
    private readonly transitions: Transitions,
    private readonly rng: Rng,
  ) {}

  add(inst: Instance): void {
    this.instances.set(inst.instanceId, inst);
    for (const [k, v] of inst.tags) this.indexTag(inst, k, v);
    if (inst.transitionAt !== undefined) this.moving.add(inst);
    // Only restored instances arrive here already terminated; retention must still expire them.
    if (inst.state === 'terminated') this.terminated.add(inst);
  }

  remove(inst: Instance, now: number): void {
    this.closeRun(inst, now);
    this.instances.delete(inst.instanceId);
    for (const [k, v] of inst.tags) this.tagIndex.get(k)?.get(v)?.delete(inst);
    this.moving.delete(inst);
    this.terminated.delete(inst);
  }

  setTag(inst: Instance, key: string, value: string): void {
    const old = inst.tags.get(key);
    if (old === value) return;
    if (old !== undefined) this.tagIndex.get(key)?.get(old)?.delete(inst);
    inst.tags.set(key, value);
    this.indexTag(inst, key, value);
    inst.version++;
    inst.tagVersion++;
  }

  deleteTag(inst: Instance, key: string): void {
    const old = inst.tags.get(key);
    if (old === undefined) return;
    this.tagIndex.get(key)?.get(old)?.delete(inst);
    inst.tags.delete(key);
    inst.version++;
    inst.tagVersion++;
  }

  /** Instances carrying tag `key` (with one of `values`, if given), from the index. */
  tagged(key: string, values?: string[]): Set<Instance> {
    const byValue = this.tagIndex.get(key);
    const out = new Set<Instance>();
    if (!byValue) return out;
    const sets = values ? values.map((v) => byValue.get(v)) : byValue.values();
    for (const set of sets) if (set) for (const inst of set) out.add(inst);
    return out;
  }

  setState(inst: Instance, state: StateName, now: number): void {
    if (state !== 'running') this.closeRun(inst, now);
    inst.state = state;
    inst.version++;
    const delayKey = TRANSITIONAL[state];
    if (delayKey) {
      inst.transitionAt = now + this.transitions[delayKey];
      this.moving.add(inst);
    } else {
      inst.transitionAt = undefined;
      this.moving.delete(inst);
      if (state === 'running') this.markRunning(inst, now);
      if (state === 'stopped') this.markStopped(inst);
      if (state === 'terminated') this.markTerminated(inst, now);
    }
  }

  tick(now: number): void {
    for (const inst of this.moving) {
      if (inst.transitionAt === undefined || inst.transitionAt > now) continue;
      const at = inst.transitionAt;
      const next: StateName = inst.state === 'pending' ? 'running' : inst.state === 'stopping' ? 'stopped' : 'terminated';
      this.setState(inst, next, at);
    }
    for (const inst of this.terminated) {
      if ((inst.terminatedAt ?? now) + this.transitions.terminatedRetentionMs <= now) this.remove(inst, now);
    }
  }

  allocatePrivateIp(subnetId: string, azIndex: number, isDefault: boolean): string {
    const n = (this.subnetCounters.get(subnetId) ?? 3) + 1;
    this.subnetCounters.set(subnetId, n);
    if (isDefault) return `172.31.${azIndex * 16 + ((n >> 8) & 15)}.${n & 255}`;
    return `10.${Math.floor(hashUnit(subnetId) * 256)}.${(n >> 8) & 255}.${n & 255}`;
  }

  /** Public addresses come from ranges EC2 really hands out, so DNS names look familiar. */
  allocatePublicIp(): string {
    const first = [3, 13, 18, 34, 35, 44, 52, 54][this.rng.int(0, 7)];
    return `${first}.${this.rng.int(0, 255)}.${this.rng.int(0, 255)}.${this.rng.int(1, 254)}`;
  }

  zoneIndex(zoneName: string): number {
    return Math.max(0, zonesOf(this.name).findIndex((z) => z.zoneName === zoneName));
  }

  private indexTag(inst: Instance, key: string, value: string): void {
    let byValue = this.tagIndex.get(key);
    if (!byValue) this.tagIndex.set(key, (byValue = new Map()));
    let set = byValue.get(value);
    if (!set) byValue.set(value, (set = new Set()));
    set.add(inst);
  }

  private markRunning(inst: Instance, at: number): void {
    inst.runningSince = at;
    inst.runs.push([at, undefined]);
    inst.stateReason = undefined;
  }

  private markStopped(inst: Instance): void {
    inst.publicIp = undefined;
    inst.stateReason = { code: 'Client.UserInitiatedShutdown', message: 'Client.UserInitiatedShutdown: User initiated shutdown' };
  }

  private markTerminated(inst: Instance, at: number): void {
    inst.publicIp = undefined;
    inst.privateIp = undefined;
    inst.terminatedAt = at;
    inst.stateReason ??= { code: 'Client.UserInitiatedShutdown', message: 'Client.UserInitiatedShutdown: User initiated shutdown' };
    this.terminated.add(inst);
  }

  private closeRun(inst: Instance, at: number): void {
    const last = inst.runs[inst.runs.length - 1];
    if (last && last[1] === undefined) last[1] = at;
    inst.runningSince = undefined;
  }
}
