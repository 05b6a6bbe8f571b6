import type { SimContext } from '../context';
import { hashUnit } from '../rng';
import type { Instance } from '../ec2/instance';
import { samplesBetween, sortDimensions, type Dimension, type Sample } from './store';

const MINUTE = 60_000;

function wasRunning(inst: Instance, t: number, now: number): boolean {
  return inst.runs.some(([start, end]) => start <= t && t < (end ?? now + 1));
}

function overrideAt(inst: Instance, t: number, running: boolean): number | undefined {
  for (let i = inst.cpu.length - 1; i >= 0; i--) {
    const o = inst.cpu[i];
    if (!o) continue;
    const windowed = o.from !== undefined || o.to !== undefined;
    const inWindow = (o.from === undefined || t >= o.from) && (o.to === undefined || t < o.to);
    if (inWindow && (running || windowed)) return o.percent;
  }
  return undefined;
}

/**
 * A plausible workstation: a per-instance base load, a daily swell, and per-minute noise, all derived
 * from (seed, instance id, minute) so the same query always returns the same numbers.
 */
function generated(seed: number, instanceId: string, t: number): number {
  const base = 8 + 45 * hashUnit(`${seed}/${instanceId}/base`);
  const phase = 2 * Math.PI * hashUnit(`${seed}/${instanceId}/phase`);
  const day = 12 * Math.sin((2 * Math.PI * (t % 86_400_000)) / 86_400_000 + phase);
  const noise = 14 * (hashUnit(`${seed}/${instanceId}/${t}`) - 0.5);
  const burst = hashUnit(`${seed}/${instanceId}/burst/${Math.floor(t / (15 * MINUTE))}`) > 0.93 ? 35 : 0;
  return Math.round(Math.min(100, Math.max(0.2, base + day + noise + burst)) * 100) / 100;
}

/** One-minute CPUUtilization samples in [from, to), only where the instance ran (or an override says so). */
export function cpuSamples(inst: Instance, seed: number, from: number, to: number, now: number): Sample[] {
  const out: Sample[] = [];
  const end = Math.min(to, now + 1);
  const starts = [...inst.runs.map((r) => r[0]), ...inst.cpu.flatMap((o) => (o.from === undefined ? [] : [o.from]))];
  if (!starts.length) return out;
  const first = Math.max(from, Math.min(...starts));
  for (let t = Math.ceil(first / MINUTE) * MINUTE; t < end; t += MINUTE) {
    const running = wasRunning(inst, t, now);
    const forced = overrideAt(inst, t, running);
    if (!running && forced === undefined) continue;
    const v = forced ?? generated(seed, inst.instanceId, t);
    out.push({ t, count: 1, sum: v, min: v, max: v });
  }
  return out;
}

export function hasCpuData(inst: Instance): boolean {
  return inst.runs.length > 0 || inst.cpu.some((o) => o.from !== undefined);
}

export interface MetricRef {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
}

/** EC2 publishes CPUUtilization per InstanceId; we generate it instead of storing it. */
function ec2InstanceId(ref: MetricRef): string | undefined {
  if (ref.namespace !== 'AWS/EC2' || ref.metricName !== 'CPUUtilization') return undefined;
  const [only, ...rest] = ref.dimensions;
  return only && !rest.length && only.Name === 'InstanceId' ? only.Value : undefined;
}

export function fetchSamples(ctx: SimContext, region: string, ref: MetricRef, from: number, to: number): { samples: Sample[]; unit?: string } {
  const instanceId = ec2InstanceId(ref);
  if (instanceId) {
    const r = ctx.region(region);
    r.tick(ctx.now());
    const inst = r.instances.get(instanceId);
    return { samples: inst ? cpuSamples(inst, ctx.seed, from, to, ctx.now()) : [], unit: 'Percent' };
  }
  const series = ctx.metrics.get(region, ref.namespace, ref.metricName, ref.dimensions);
  return series ? { samples: samplesBetween(series, from, to), unit: series.unit } : { samples: [] };
}

/** Every metric the region knows: stored custom series plus CPUUtilization of instances that have data. */
export function allMetrics(ctx: SimContext, region: string): MetricRef[] {
  const r = ctx.region(region);
  r.tick(ctx.now());
  const generated: MetricRef[] = [];
  for (const inst of r.instances.values()) {
    if (!hasCpuData(inst)) continue;
    generated.push({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: sortDimensions([{ Name: 'InstanceId', Value: inst.instanceId }]) });
  }
  const stored = ctx.metrics.list(region).map((s) => ({ namespace: s.namespace, metricName: s.metricName, dimensions: s.dimensions }));
  return [...stored, ...generated];
}
