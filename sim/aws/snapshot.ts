import { z } from 'zod';
import type { SimContext } from './context';
import { STATE_CODES, type Instance, type StateName } from './ec2/instance';
import type { LaunchTemplate, RegionState } from './ec2/state';

/**
 * What the state file holds: the EC2 world (instances, launch templates, ClientTokens, counters) and the
 * Rng's position. Faults, buckets, latency, counters and CloudWatch data are left out: they are test
 * set-up, not the studio's inventory. Bump the version when the shape changes; an older file is set aside.
 */
export const SNAPSHOT_VERSION = 1;

const Tags = z.array(z.tuple([z.string(), z.string()]));

const InstanceRecord = z.object({
  instanceId: z.string(),
  seq: z.number().int(),
  region: z.string(),
  reservationId: z.string(),
  imageId: z.string(),
  instanceType: z.string(),
  keyName: z.string().optional(),
  availabilityZone: z.string(),
  subnetId: z.string(),
  vpcId: z.string(),
  securityGroups: z.array(z.object({ groupId: z.string(), groupName: z.string() })),
  privateIp: z.string().optional(),
  publicIp: z.string().optional(),
  associatePublicIp: z.boolean(),
  state: z.enum(Object.keys(STATE_CODES) as [StateName, ...StateName[]]),
  transitionAt: z.number().optional(),
  stateReason: z.object({ code: z.string(), message: z.string() }).optional(),
  transitionReason: z.string(),
  launchTime: z.number(),
  runningSince: z.number().optional(),
  terminatedAt: z.number().optional(),
  tags: Tags,
  clientToken: z.string(),
  amiLaunchIndex: z.number().int(),
  iamInstanceProfile: z.object({ arn: z.string(), id: z.string() }).optional(),
  monitoring: z.boolean(),
  ebsOptimized: z.boolean(),
  disableApiTermination: z.boolean(),
  // JSON has no undefined: an open run (still running) is saved with a null end.
  runs: z.array(z.tuple([z.number(), z.number().nullable()])),
  cpu: z.array(z.object({ percent: z.number(), from: z.number().optional(), to: z.number().optional() })),
});

const TemplateRecord = z.object({
  id: z.string(),
  name: z.string(),
  createTime: z.number(),
  createdBy: z.string(),
  tags: Tags,
  clientToken: z.string().optional(),
  versionDescription: z.string().optional(),
  data: z.object({
    imageId: z.string().optional(),
    instanceType: z.string().optional(),
    keyName: z.string().optional(),
    securityGroupIds: z.array(z.string()),
    subnetId: z.string().optional(),
    associatePublicIp: z.boolean().optional(),
    availabilityZone: z.string().optional(),
    iamInstanceProfile: z.object({ arn: z.string().optional(), name: z.string().optional() }).optional(),
    monitoring: z.boolean().optional(),
    disableApiTermination: z.boolean().optional(),
    ebsOptimized: z.boolean().optional(),
    tagSpecs: z.array(z.object({ resourceType: z.string(), tags: Tags })),
  }),
});

const RegionRecord = z.object({
  name: z.string(),
  nextSeq: z.number().int(),
  subnetCounters: z.array(z.tuple([z.string(), z.number().int()])),
  instances: z.array(InstanceRecord),
  /** Instances gone from the region (retention over, removed) that a ClientToken still answers with. */
  retired: z.array(InstanceRecord),
  templates: z.array(TemplateRecord),
  tokens: z.array(z.object({ token: z.string(), fingerprint: z.string(), reservationId: z.string(), instanceIds: z.array(z.string()) })),
});

const Snapshot = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  savedAt: z.string(),
  seed: z.number(),
  rng: z.number().int(),
  regions: z.array(RegionRecord),
});

export type Snapshot = z.infer<typeof Snapshot>;
type InstanceRecord = z.infer<typeof InstanceRecord>;

function instanceRecord(inst: Instance): InstanceRecord {
  // The XML caches and their version keys are rebuilt on demand; everything else is the instance.
  const { tags, runs, version: _v, tagVersion: _t, xmlCache: _x, xmlParts: _p, reservationXmlCache: _r, ...rest } = inst;
  return { ...rest, tags: [...tags], runs: runs.map(([start, end]) => [start, end ?? null]) };
}

function instanceOf(rec: InstanceRecord): Instance {
  return { ...rec, tags: new Map(rec.tags), runs: rec.runs.map(([start, end]) => [start, end ?? undefined]), version: 0, tagVersion: 0 };
}

function regionRecord(region: RegionState): Snapshot['regions'][number] {
  const retired = new Map<string, Instance>();
  for (const t of region.tokens.values()) {
    for (const inst of t.instances) if (!region.instances.has(inst.instanceId)) retired.set(inst.instanceId, inst);
  }
  return {
    name: region.name,
    nextSeq: region.nextSeq,
    subnetCounters: [...region.subnetCounters],
    instances: [...region.instances.values()].map(instanceRecord),
    retired: [...retired.values()].map(instanceRecord),
    templates: [...region.templates.values()].map((t) => ({ ...t, tags: [...t.tags] })),
    tokens: [...region.tokens].map(([token, t]) => ({
      token,
      fingerprint: t.fingerprint,
      reservationId: t.reservationId,
      instanceIds: t.instances.map((i) => i.instanceId),
    })),
  };
}

export function takeSnapshot(ctx: SimContext): Snapshot {
  return {
    version: SNAPSHOT_VERSION,
    savedAt: new Date(ctx.now()).toISOString(),
    seed: ctx.seed,
    rng: ctx.rng.position(),
    regions: ctx.regionsWithState().map(regionRecord),
  };
}

/** Checks a parsed file; the error names the first problem, for the one line logged when a file is set aside. */
export function parseSnapshot(json: unknown): Snapshot {
  const version = (json as { version?: unknown } | null)?.version;
  if (version !== SNAPSHOT_VERSION) throw new Error(`format version ${JSON.stringify(version)}, expected ${SNAPSHOT_VERSION}`);
  const parsed = Snapshot.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/**
 * Loads a snapshot into an empty context. Instances go through RegionState.add, which rebuilds the tag
 * index and the sets of moving and terminated instances; a transition whose time has passed completes at
 * the next read, as it would have had the simulator kept running.
 */
export function restoreSnapshot(ctx: SimContext, snap: Snapshot): void {
  ctx.seed = snap.seed;
  ctx.rng.seek(snap.rng);
  for (const r of snap.regions) {
    const region = ctx.region(r.name);
    region.nextSeq = r.nextSeq;
    for (const [subnet, n] of r.subnetCounters) region.subnetCounters.set(subnet, n);
    for (const rec of r.instances) region.add(instanceOf(rec));
    const retired = new Map(r.retired.map((rec) => [rec.instanceId, instanceOf(rec)]));
    for (const t of r.tokens) {
      const instances = t.instanceIds.map((id) => {
        const inst = region.instances.get(id) ?? retired.get(id);
        if (!inst) throw new Error(`ClientToken ${t.token} names unknown instance ${id}`);
        return inst;
      });
      region.tokens.set(t.token, { fingerprint: t.fingerprint, reservationId: t.reservationId, instances });
    }
    for (const t of r.templates) region.templates.set(t.id, { ...t, tags: new Map(t.tags) } satisfies LaunchTemplate);
  }
}
