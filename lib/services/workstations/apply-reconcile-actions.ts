/**
 * Applies a reconcile plan: first the observations (one transaction), then the AWS calls (batched
 * start/stop/terminate, launches a few at a time), then what EC2 answered. Every call is idempotent, so a
 * crash anywhere in here is repaired by the next pass; a launch's instance id is written as soon as
 * RunInstances returns, so the next pass rarely even needs the ClientToken to find it.
 */
import { changeInstanceStates, runInstance, type LifecycleVerb, type StateChange } from '@/lib/adapters/aws/ec2-instances';
import type { BackoffOptions } from '@/lib/adapters/aws/backoff';
import { isRetryable, toAwsAppError } from '@/lib/adapters/aws/errors';
import { db } from '@/lib/db/client';
import { deleteOrphans, upsertOrphans } from '@/lib/db/orphans';
import { applyObservations, recordLaunched, recordRowErrors, recordStateChanges } from '@/lib/db/workstation-observations';
import type { Actor } from '@/lib/domain/auth/actor';
import { dcvHostOf } from '@/lib/domain/workstations/plan-row';
import type { ReconcileAction } from '@/lib/domain/workstations/types';
import { mapWithConcurrency } from '@/lib/utils/concurrency';
import { audit } from '../audit';
import { publishChange } from '../live/publish-change';

export type ApplyContext = { actor: Actor; site: { id: string; name: string; region: string }; now: Date; launchConcurrency: number; backoff?: BackoffOptions };
export type ApplyResult = { writes: number; calls: Record<LifecycleVerb | 'launch', number>; errors: number };
type RowError = { workstationId: string; code: string; message: string };
type Targeted = { workstationId: string; instanceId: string };

const MAX_IDS_PER_CALL = 1000;
/** How long a pass's writes wait for a pooled connection, and may then run (see launchAll). */
const TX_WAIT = { maxWait: 30_000, timeout: 60_000 };

function rowError(workstationId: string, raw: unknown, what: string): RowError {
  const err = toAwsAppError(raw, what);
  let message = err.userMessage;
  if (err.vendorCode === 'IdempotentParameterMismatch') message += ' The launch settings changed after this launch was first tried; relaunch the workstation to use the new ones.';
  return { workstationId, code: err.vendorCode ?? err.code, message: message.slice(0, 1000) };
}

async function applyObservationsPhase(ctx: ApplyContext, actions: ReconcileAction[]): Promise<number> {
  const observations = actions.flatMap((a) => (a.kind === 'observe' || a.kind === 'mark-lost' ? [a] : []));
  const orphans = actions.flatMap((a) => (a.kind === 'record-orphan' ? [a] : []));
  const forgotten = actions.flatMap((a) => (a.kind === 'forget-orphan' ? [a.instanceId] : []));
  if (!observations.length && !orphans.length && !forgotten.length) return 0;
  return db().$transaction(async (tx) => {
    const obs = await applyObservations(observations, ctx.now, tx);
    const upserted = await upsertOrphans(ctx.site.id, orphans.map((o) => o.instance), ctx.now, tx);
    const deleted = await deleteOrphans(forgotten, tx);
    let audits = 0;
    for (const a of observations) {
      if (a.kind !== 'mark-lost' || !obs.changed.has(a.workstationId)) continue;
      await audit(tx, ctx.actor, 'workstation.lost', { type: 'workstation', id: a.workstationId }, a.event.message);
      audits++;
    }
    for (const o of orphans.filter((x) => x.isNew)) {
      await audit(tx, ctx.actor, 'orphan.detected', { type: 'orphan', id: o.instance.instanceId }, `Instance ${o.instance.instanceId} in ${ctx.site.region} is tagged as ours but no workstation claims it.`);
      audits++;
    }
    const writes = obs.rows + obs.events + upserted + deleted + audits;
    if (writes) await publishChange(tx, { topic: 'workstations' });
    return writes;
  }, TX_WAIT);
}

/** One call per batch of ids; a batch EC2 refuses as a whole is retried one instance at a time. */
async function callLifecycle(ctx: ApplyContext, verb: LifecycleVerb, targets: Targeted[]): Promise<{ changes: StateChange[]; errors: RowError[]; calls: number }> {
  const out = { changes: [] as StateChange[], errors: [] as RowError[], calls: 0 };
  const what = `${verb} in ${ctx.site.region}`;
  for (let i = 0; i < targets.length; i += MAX_IDS_PER_CALL) {
    const batch = targets.slice(i, i + MAX_IDS_PER_CALL);
    try {
      out.calls++;
      out.changes.push(...(await changeInstanceStates(ctx.site.region, verb, batch.map((t) => t.instanceId), ctx.backoff)));
    } catch (raw) {
      const err = toAwsAppError(raw, what);
      if (batch.length === 1 || isRetryable(err)) {
        out.errors.push(...batch.map((t) => rowError(t.workstationId, err, what)));
        continue;
      }
      for (const t of batch) {
        try {
          out.calls++;
          out.changes.push(...(await changeInstanceStates(ctx.site.region, verb, [t.instanceId], ctx.backoff)));
        } catch (single) {
          out.errors.push(rowError(t.workstationId, single, what));
        }
      }
    }
  }
  return out;
}

async function launchAll(ctx: ApplyContext, launches: Extract<ReconcileAction, { kind: 'launch' }>[]): Promise<{ errors: RowError[]; writes: number }> {
  const errors: RowError[] = [];
  let writes = 0;
  await mapWithConcurrency(launches, ctx.launchConcurrency, async (a) => {
    let inst: Awaited<ReturnType<typeof runInstance>>;
    try {
      inst = await runInstance(ctx.site.region, a.request, ctx.backoff);
    } catch (raw) {
      errors.push(rowError(a.workstationId, raw, `RunInstances in ${ctx.site.region}`));
      return;
    }
    // The instance exists now; recording it is our own database's business, never "AWS refused". Several
    // site passes launching at once in one process can want more connections than the pool holds, so
    // the transaction waits for one (Prisma's default is 2 s; bench/workers-scale.ts hit it with two
    // workers on a busy machine) instead of failing the launch it came to record.
    const w = { workstationId: a.workstationId, instanceId: inst.instanceId, state: inst.state, privateIp: inst.privateIp, dcvHost: dcvHostOf(inst), launchedAt: inst.launchTime };
    try {
      await db().$transaction(async (tx) => {
        if (await recordLaunched(w, new Date(), tx)) {
          writes += 2;
          await publishChange(tx, { topic: 'workstations', id: a.workstationId });
        }
      }, TX_WAIT);
    } catch (raw) {
      const reason = raw instanceof Error ? raw.message.split('\n').at(-1) : String(raw);
      errors.push({ workstationId: a.workstationId, code: 'LAUNCH_NOT_RECORDED', message: `RunInstances started ${inst.instanceId}, but recording it failed (${reason}); the next pass finds it by its ClientToken.`.slice(0, 1000) });
    }
  });
  return { errors, writes };
}

export async function applyReconcileActions(ctx: ApplyContext, actions: ReconcileAction[]): Promise<ApplyResult> {
  let writes = await applyObservationsPhase(ctx, actions);
  const calls = { start: 0, stop: 0, terminate: 0, launch: 0 };
  const changes: Array<{ workstationId: string; instanceId: string; state: string; verb: string }> = [];
  const errors: RowError[] = [];
  for (const verb of ['terminate', 'stop', 'start'] as const) {
    const targets = actions.flatMap((a) => (a.kind === verb ? [{ workstationId: a.workstationId, instanceId: a.instanceId }] : []));
    if (!targets.length) continue;
    const r = await callLifecycle(ctx, verb, targets);
    calls[verb] += r.calls;
    const byInstance = new Map(targets.map((t) => [t.instanceId, t.workstationId]));
    for (const c of r.changes) {
      const workstationId = byInstance.get(c.instanceId);
      if (workstationId) changes.push({ workstationId, instanceId: c.instanceId, state: c.state, verb: { start: 'StartInstances', stop: 'StopInstances', terminate: 'TerminateInstances' }[verb] });
    }
    errors.push(...r.errors);
  }
  const launches = actions.flatMap((a) => (a.kind === 'launch' ? [a] : []));
  calls.launch = launches.length;
  const launched = await launchAll(ctx, launches);
  writes += launched.writes;
  errors.push(...launched.errors);
  if (changes.length || errors.length) {
    writes += await db().$transaction(async (tx) => {
      const n = (await recordStateChanges(changes, ctx.now, tx)) + (await recordRowErrors(errors, ctx.now, tx));
      if (n) await publishChange(tx, { topic: 'workstations' });
      return n;
    }, TX_WAIT);
  }
  return { writes, calls, errors: errors.length };
}
