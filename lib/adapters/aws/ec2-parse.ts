/**
 * EC2's answers, checked with zod and turned into domain types. The SDK's types say every field is
 * optional; an instance without an id or a state is refused here, loudly, instead of being planned on.
 */
import { z } from 'zod';
import { INSTANCE_STATES, type InstanceState, type ObservedInstance } from '@/lib/domain/workstations/types';
import { AppError } from '@/lib/errors';

const ZTag = z.object({ Key: z.string().optional(), Value: z.string().optional() });

const ZInstance = z.object({
  InstanceId: z.string().regex(/^i-[0-9a-f]+$/),
  State: z.object({ Name: z.enum(INSTANCE_STATES) }),
  InstanceType: z.string().min(1),
  PrivateIpAddress: z.string().optional(),
  PublicIpAddress: z.string().optional(),
  PublicDnsName: z.string().optional(),
  LaunchTime: z.date().optional(),
  ClientToken: z.string().optional(),
  Tags: z.array(ZTag).optional(),
});

const ZDescribePage = z.object({
  Reservations: z.array(z.object({ Instances: z.array(ZInstance).optional() })).optional(),
  NextToken: z.string().optional(),
});

const ZStateChange = z.object({ InstanceId: z.string(), CurrentState: z.object({ Name: z.enum(INSTANCE_STATES) }) });

function invalid(what: string, issues: z.core.$ZodIssue[]): AppError {
  return new AppError('UPSTREAM', `AWS sent an answer the control plane cannot read (${what}).`, {
    vendorCode: 'MalformedResponse',
    cause: new Error(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')),
  });
}

export function toObservedInstance(raw: z.infer<typeof ZInstance>): ObservedInstance {
  const tags: Record<string, string> = {};
  for (const t of raw.Tags ?? []) if (t.Key) tags[t.Key] = t.Value ?? '';
  return {
    instanceId: raw.InstanceId,
    state: raw.State.Name,
    instanceType: raw.InstanceType,
    privateIp: raw.PrivateIpAddress || null,
    publicIp: raw.PublicIpAddress || null,
    publicDns: raw.PublicDnsName || null,
    launchTime: raw.LaunchTime ?? null,
    clientToken: raw.ClientToken || null,
    tags,
  };
}

export function parseDescribePage(out: unknown): { instances: ObservedInstance[]; nextToken: string | undefined } {
  const parsed = ZDescribePage.safeParse(out);
  if (!parsed.success) throw invalid('DescribeInstances', parsed.error.issues);
  const instances = (parsed.data.Reservations ?? []).flatMap((r) => (r.Instances ?? []).map(toObservedInstance));
  return { instances, nextToken: parsed.data.NextToken || undefined };
}

export function parseLaunched(out: { Instances?: unknown[] }): ObservedInstance {
  const parsed = ZInstance.safeParse(out.Instances?.[0]);
  if (!parsed.success) throw invalid('RunInstances', parsed.error.issues);
  return toObservedInstance(parsed.data);
}

export function parseStateChanges(what: string, list: unknown[] | undefined): Array<{ instanceId: string; state: InstanceState }> {
  const parsed = z.array(ZStateChange).safeParse(list ?? []);
  if (!parsed.success) throw invalid(what, parsed.error.issues);
  return parsed.data.map((c) => ({ instanceId: c.InstanceId, state: c.CurrentState.Name }));
}
