import { z } from 'zod';
import { STATE_CODES, type StateName } from '../ec2/instance';
import type { SimContext } from '../context';

export interface RouteInput {
  ctx: SimContext;
  params: string[];
  body: Buffer;
  url: URL;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  path: RegExp;
  handle(input: RouteInput): unknown;
}

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Parses a control request body with a zod schema; an empty body counts as `{}`. */
export function parseBody<T extends z.ZodType>(raw: Buffer, schema: T): z.infer<T> {
  let json: unknown = {};
  if (raw.length) {
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new ControlError(400, 'body is not valid JSON');
    }
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ControlError(400, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

const BucketBody = z.object({
  enabled: z.boolean().optional(),
  refill: z.boolean().optional(),
  reset: z.boolean().optional(),
  action: z.string().min(1).optional(),
  kind: z.enum(['request', 'resource']).default('request'),
  capacity: z.number().positive().optional(),
  refillPerSecond: z.number().nonnegative().optional(),
});

const TransitionsBody = z.object({
  pendingMs: z.number().int().nonnegative().optional(),
  stoppingMs: z.number().int().nonnegative().optional(),
  shuttingDownMs: z.number().int().nonnegative().optional(),
  statusCheckMs: z.number().int().nonnegative().optional(),
  terminatedRetentionMs: z.number().int().nonnegative().optional(),
});

const LatencyBody = z.object({ ms: z.number().int().min(0).max(60_000) });
const ThrottleBody = z.object({ action: z.string().min(1), rate: z.number().min(0).max(1), region: z.string().min(1).optional() });

const CapacityBody = z.object({
  region: z.string().min(1),
  instanceType: z.string().min(1),
  availabilityZone: z.string().min(1).optional(),
  remaining: z.number().int().positive().optional(),
  clear: z.boolean().optional(),
});

const VcpuBody = z.object({ region: z.string().min(1), vcpus: z.number().int().nonnegative().nullable() });

/** Whole-world endpoints: reset, counters, faults, buckets, transition delays. */
export const worldRoutes: Route[] = [
  { method: 'GET', path: /^\/_sim\/health$/, handle: () => ({ ok: true }) },
  {
    method: 'GET',
    path: /^\/_sim\/state$/,
    handle: ({ ctx }) => ({
      seed: ctx.seed,
      accountId: ctx.accountId,
      transitions: ctx.transitions,
      regions: ctx.regionsWithState().map((r) => {
        const byState: Partial<Record<StateName, number>> = {};
        for (const i of r.instances.values()) byState[i.state] = (byState[i.state] ?? 0) + 1;
        return { region: r.name, instances: r.instances.size, byState, launchTemplates: r.templates.size, clientTokens: r.tokens.size };
      }),
      stateCodes: STATE_CODES,
    }),
  },
  {
    method: 'POST',
    path: /^\/_sim\/reset$/,
    handle: ({ ctx, body }) => {
      const { seed } = parseBody(body, z.object({ seed: z.number().int().optional() }));
      ctx.reset(seed);
      return { ok: true, seed: ctx.seed };
    },
  },
  {
    method: 'GET',
    path: /^\/_sim\/counters$/,
    handle: ({ ctx, url }) => {
      const q = url.searchParams;
      const rows = ctx.counters.list({ region: q.get('region') ?? undefined, action: q.get('action') ?? undefined, service: q.get('service') ?? undefined });
      return { totals: ctx.counters.totals(rows), rows };
    },
  },
  { method: 'POST', path: /^\/_sim\/counters\/reset$/, handle: ({ ctx }) => (ctx.counters.reset(), { ok: true }) },
  {
    method: 'GET',
    path: /^\/_sim\/faults$/,
    handle: ({ ctx }) => ({
      throttle: ctx.throttler.snapshot(ctx.now()).faults,
      capacity: ctx.capacity,
      vcpuLimits: Object.fromEntries(ctx.vcpuLimits),
      latencyMs: ctx.latencyMs,
    }),
  },
  {
    method: 'DELETE',
    path: /^\/_sim\/faults$/,
    handle: ({ ctx }) => {
      ctx.throttler.faultRates.clear();
      ctx.capacity.length = 0;
      ctx.vcpuLimits.clear();
      ctx.latencyMs = 0;
      return { ok: true };
    },
  },
  {
    method: 'POST',
    path: /^\/_sim\/faults\/throttle$/,
    handle: ({ ctx, body }) => {
      const b = parseBody(body, ThrottleBody);
      ctx.throttler.setFault(b.action, b.rate, b.region);
      return { ok: true, throttle: ctx.throttler.snapshot(ctx.now()).faults };
    },
  },
  {
    method: 'POST',
    path: /^\/_sim\/faults\/capacity$/,
    handle: ({ ctx, body }) => {
      const b = parseBody(body, CapacityBody);
      const same = (f: (typeof ctx.capacity)[number]) =>
        f.region === b.region && f.instanceType === b.instanceType && f.availabilityZone === b.availabilityZone;
      for (let i = ctx.capacity.length - 1; i >= 0; i--) if (same(ctx.capacity[i]!)) ctx.capacity.splice(i, 1);
      if (!b.clear) ctx.capacity.push({ region: b.region, instanceType: b.instanceType, availabilityZone: b.availabilityZone, remaining: b.remaining });
      return { ok: true, capacity: ctx.capacity };
    },
  },
  {
    method: 'POST',
    path: /^\/_sim\/faults\/latency$/,
    handle: ({ ctx, body }) => {
      ctx.latencyMs = parseBody(body, LatencyBody).ms;
      return { ok: true, latencyMs: ctx.latencyMs };
    },
  },
  {
    method: 'POST',
    path: /^\/_sim\/faults\/vcpu-limit$/,
    handle: ({ ctx, body }) => {
      const b = parseBody(body, VcpuBody);
      if (b.vcpus === null) ctx.vcpuLimits.delete(b.region);
      else ctx.vcpuLimits.set(b.region, b.vcpus);
      return { ok: true, vcpuLimits: Object.fromEntries(ctx.vcpuLimits) };
    },
  },
  { method: 'GET', path: /^\/_sim\/buckets$/, handle: ({ ctx }) => ctx.throttler.snapshot(ctx.now()) },
  {
    method: 'POST',
    path: /^\/_sim\/buckets$/,
    handle: ({ ctx, body }) => {
      const b = parseBody(body, BucketBody);
      if (b.reset) ctx.throttler.resetBuckets();
      if (b.enabled !== undefined) ctx.throttler.bucketsEnabled = b.enabled;
      if (b.refill) ctx.throttler.refillAll();
      if (b.action) {
        const clearing = b.capacity === undefined && b.refillPerSecond === undefined;
        if (!clearing && (b.capacity === undefined || b.refillPerSecond === undefined)) {
          throw new ControlError(400, 'give both capacity and refillPerSecond (or neither, to restore the default)');
        }
        ctx.throttler.setSpec(b.kind, b.action, clearing ? null : { capacity: b.capacity!, refillPerSecond: b.refillPerSecond! });
      }
      return ctx.throttler.snapshot(ctx.now());
    },
  },
  { method: 'GET', path: /^\/_sim\/transitions$/, handle: ({ ctx }) => ctx.transitions },
  {
    method: 'POST',
    path: /^\/_sim\/transitions$/,
    handle: ({ ctx, body }) => {
      const b = parseBody(body, TransitionsBody);
      for (const [k, v] of Object.entries(b)) if (v !== undefined) (ctx.transitions as unknown as Record<string, number>)[k] = v;
      return ctx.transitions;
    },
  },
];
