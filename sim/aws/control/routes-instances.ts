import { z } from 'zod';
import type { SimContext } from '../context';
import { STATE_CODES, privateDnsName, publicDnsName, type Instance, type StateName } from '../ec2/instance';
import { ControlError, parseBody, type Route } from './routes-world';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** The control API's JSON view of an instance: everything EC2 shows plus the simulator's own bookkeeping. */
export function instanceView(inst: Instance) {
  return {
    instanceId: inst.instanceId,
    region: inst.region,
    state: inst.state,
    stateCode: STATE_CODES[inst.state],
    transitionAt: iso(inst.transitionAt),
    instanceType: inst.instanceType,
    imageId: inst.imageId,
    availabilityZone: inst.availabilityZone,
    subnetId: inst.subnetId,
    vpcId: inst.vpcId,
    securityGroupIds: inst.securityGroups.map((g) => g.groupId),
    keyName: inst.keyName ?? null,
    privateIpAddress: inst.privateIp ?? null,
    publicIpAddress: inst.publicIp ?? null,
    privateDnsName: privateDnsName(inst),
    publicDnsName: publicDnsName(inst),
    launchTime: iso(inst.launchTime),
    reservationId: inst.reservationId,
    clientToken: inst.clientToken,
    tags: Object.fromEntries(inst.tags),
    runs: inst.runs.map(([start, end]) => ({ start: iso(start), end: iso(end) })),
    cpuOverrides: inst.cpu.map((o) => ({ percent: o.percent, from: iso(o.from), to: iso(o.to) })),
  };
}

const CpuBody = z.object({
  percent: z.number().min(0).max(100).nullable(),
  fromEpochSeconds: z.number().optional(),
  toEpochSeconds: z.number().optional(),
});

const StateBody = z.object({ state: z.enum(['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated']) });

function mustFind(ctx: SimContext, id: string | undefined) {
  const found = id ? ctx.findInstance(id) : undefined;
  if (!found) throw new ControlError(404, `no instance ${id}`);
  return found;
}

/** `?region=…&state=…&tag:studio:site=…` narrow the listing; values are exact. */
function matches(inst: Instance, q: URLSearchParams): boolean {
  for (const [k, v] of q) {
    if (k === 'region' && inst.region !== v) return false;
    if (k === 'state' && inst.state !== v) return false;
    if (k === 'instanceType' && inst.instanceType !== v) return false;
    if (k === 'clientToken' && inst.clientToken !== v) return false;
    if (k.startsWith('tag:') && inst.tags.get(k.slice(4)) !== v) return false;
  }
  return true;
}

/** Inspecting and manipulating single instances behind EC2's back. */
export const instanceRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/_sim\/instances$/,
    handle: ({ ctx, url }) => {
      const instances = ctx.regionsWithState().flatMap((r) => [...r.instances.values()].filter((i) => matches(i, url.searchParams)));
      return { count: instances.length, instances: instances.map(instanceView) };
    },
  },
  { method: 'GET', path: /^\/_sim\/instances\/([^/]+)$/, handle: ({ ctx, params }) => instanceView(mustFind(ctx, params[0]).instance) },
  {
    method: 'DELETE',
    path: /^\/_sim\/instances\/([^/]+)$/,
    handle: ({ ctx, params }) => {
      const { region, instance } = mustFind(ctx, params[0]);
      region.remove(instance, ctx.now());
      return { ok: true, removed: instance.instanceId };
    },
  },
  {
    method: 'POST',
    path: /^\/_sim\/instances\/([^/]+)\/cpu$/,
    handle: ({ ctx, params, body }) => {
      const b = parseBody(body, CpuBody);
      const { instance } = mustFind(ctx, params[0]);
      if (b.percent === null) instance.cpu = [];
      else {
        const from = b.fromEpochSeconds === undefined ? undefined : b.fromEpochSeconds * 1000;
        const to = b.toEpochSeconds === undefined ? undefined : b.toEpochSeconds * 1000;
        instance.cpu.push({ percent: b.percent, from, to });
      }
      return instanceView(instance);
    },
  },
  {
    method: 'POST',
    path: /^\/_sim\/instances\/([^/]+)\/state$/,
    handle: ({ ctx, params, body }) => {
      const b = parseBody(body, StateBody);
      const { region, instance } = mustFind(ctx, params[0]);
      const now = ctx.now();
      if (b.state === 'running' && instance.associatePublicIp && !instance.publicIp) instance.publicIp = region.allocatePublicIp();
      region.setState(instance, b.state as StateName, now);
      // Forced changes look like AWS acting on its own (a retirement), not like a user's call.
      if (b.state === 'stopped' || b.state === 'terminated') {
        instance.stateReason = { code: 'Server.ScheduledStop', message: 'Server.ScheduledStop: Stopped due to scheduled retirement' };
        instance.transitionReason = `Server initiated (${new Date(now).toISOString().slice(0, 19).replace('T', ' ')} GMT)`;
      }
      return instanceView(instance);
    },
  },
];
