/**
 * The invariants every fault drill checks once the fault is over (see tests/drills/README.md):
 * - no duplicate instance: one instance per ClientToken, and one live instance per studio:workstation-id,
 *   counted through the AWS simulator's control API (never through the product);
 * - no lost intent: every workstation is in its desired state in EC2 (and the row says so), or shows
 *   the last error that keeps it from it;
 * - every site converged or showing its failure: a settled lifecycle state (or `failed` with a reason),
 *   objective applications in place or carrying their last error, and, when asked, the Anvils holding
 *   exactly the objectives Postgres says;
 * - nothing silently dropped: no job graphile-worker gave up on (but for one whose process was killed on
 *   each attempt: the janitor records that as its error), no managed instance that neither a
 *   workstation nor the orphan list claims, no failed step or application without its reason, and
 *   (when asked) a live reconcile chain for every site.
 * Every violation is collected, then one expectation fails with all of them, so a drill says at once
 * everything that went wrong.
 */
import { expect } from 'vitest';
import type { Db } from '@/lib/db/client';
import { findAnvilSite } from '@/lib/db/anvil-sites';
import { anvilForSite, hasAnvil } from '@/lib/services/hammerspace/anvil-for-site';
import { reconcileJobKey } from '@/lib/services/workstations/request-reconcile';
import { DIED } from '@/lib/services/workers/release-dead-worker-locks';
import type { controlApi } from '@/sim/aws/harness';

export type SimInstance = { instanceId: string; region: string; state: string; clientToken: string; tags: Record<string, string> };

export type InvariantOptions = {
  /** also accept a workstation still on its way (pending towards running, stopping towards stopped…). */
  inFlight?: boolean;
  /** sites (ids) whose Anvils must hold exactly the objectives Postgres has applied there. */
  anvilSites?: string[];
  /** every reconcilable site must have a pending workstations reconcile pass (a live chain). */
  chains?: boolean;
};

/** `strandedLocks`: jobs still locked when the drill ends (a live process's janitor would free a dead one's), as task(key). */
export type InvariantReport = { instances: number; workstations: number; sites: number; failedJobs: number; strandedLocks: string[]; violations: string[] };

const LIVE = new Set(['pending', 'running', 'stopping', 'stopped', 'shutting-down']);
const ON_THE_WAY: Record<string, string[]> = { running: ['pending'], stopped: ['stopping'], terminated: ['shutting-down'] };

function duplicates<T>(items: T[], key: (t: T) => string | undefined): string[] {
  const seen = new Map<string, number>();
  for (const i of items) {
    const k = key(i);
    if (k) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${k} ×${n}`);
}

export async function simManagedInstances(aws: ReturnType<typeof controlApi>): Promise<SimInstance[]> {
  return (await aws.get<{ instances: SimInstance[] }>('instances?tag:studio:managed=true')).instances;
}

async function checkInstancesAndIntent(db: Db, aws: ReturnType<typeof controlApi>, opts: InvariantOptions, v: string[]) {
  const instances = await simManagedInstances(aws);
  for (const d of duplicates(instances, (i) => i.clientToken || undefined)) v.push(`duplicate instance: ClientToken ${d}`);
  const live = instances.filter((i) => LIVE.has(i.state));
  for (const d of duplicates(live, (i) => i.tags['studio:workstation-id'])) v.push(`duplicate instance: studio:workstation-id ${d} (live)`);

  const rows = await db.workstation.findMany({ select: { id: true, name: true, desiredState: true, observedState: true, instanceId: true, clientToken: true, lastErrorCode: true, lastError: true, lost: true } });
  const byId = new Map(instances.map((i) => [i.instanceId, i]));
  const liveByTag = new Map(live.map((i) => [i.tags['studio:workstation-id'], i]));
  for (const r of rows) {
    const shown = r.lastErrorCode ? ` (shows ${r.lastErrorCode})` : '';
    if (r.lastErrorCode && !r.lastError) v.push(`silently dropped: ${r.name} has error code ${r.lastErrorCode} but no message`);
    const okStates = [r.desiredState as string, ...(opts.inFlight ? (ON_THE_WAY[r.desiredState] ?? []) : [])];
    if (r.desiredState === 'terminated') {
      const still = liveByTag.get(r.id);
      if (still && !r.lastErrorCode && !(opts.inFlight && still.state === 'shutting-down')) v.push(`lost intent: ${r.name} should be terminated, ${still.instanceId} is ${still.state}`);
      continue;
    }
    if (r.lastErrorCode) continue;
    const inst = r.instanceId ? byId.get(r.instanceId) : undefined;
    if (!inst && r.desiredState === 'stopped' && !r.instanceId) continue; // never launched: nothing to stop
    if (!inst) {
      v.push(`lost intent: ${r.name} wants ${r.desiredState} but has ${r.instanceId ? `instance ${r.instanceId}, unknown to EC2` : 'no instance'} and no error${shown}`);
      continue;
    }
    if (inst.tags['studio:workstation-id'] !== r.id) v.push(`lost intent: ${r.name}'s instance ${inst.instanceId} is tagged for ${inst.tags['studio:workstation-id']}`);
    if (inst.clientToken !== r.clientToken) v.push(`lost intent: ${r.name}'s instance ${inst.instanceId} carries another ClientToken`);
    if (!okStates.includes(inst.state)) v.push(`lost intent: ${r.name} wants ${r.desiredState}, EC2 says ${inst.state}, and no error is shown`);
    else if (!opts.inFlight && r.observedState !== inst.state) v.push(`not converged: ${r.name} reads ${r.observedState}, EC2 says ${inst.state}`);
  }

  // Every managed instance in the studio's regions is someone's: a workstation's, or on the orphan list.
  const regions = new Set((await db.site.findMany({ select: { region: true } })).map((s) => s.region));
  const claimed = new Set([...rows.flatMap((r) => (r.instanceId ? [r.instanceId] : [])), ...(await db.orphanInstance.findMany({ select: { instanceId: true } })).map((o) => o.instanceId)]);
  const rowIds = new Set(rows.map((r) => r.id));
  for (const i of live) {
    if (!regions.has(i.region) || claimed.has(i.instanceId)) continue;
    // A launch whose id was not yet written is still claimed through its tag (the next pass adopts it).
    if (rowIds.has(i.tags['studio:workstation-id'] ?? '')) continue;
    v.push(`silently dropped: instance ${i.instanceId} (${i.region}, ${i.state}) is neither a workstation's nor an orphan`);
  }
  return { instances: instances.length, workstations: rows.length };
}

async function checkSites(db: Db, opts: InvariantOptions, v: string[]) {
  const sites = await db.site.findMany({ include: { steps: true, applications: { include: { objective: true, share: true } } } });
  for (const s of sites) {
    const failing = s.state === 'failed' || s.anvilHealthy === false || Boolean(s.lastReconcileError);
    if (s.state === 'failed' && !s.failureReason) v.push(`silently dropped: ${s.name} failed without a reason`);
    if (s.anvilHealthy === false && !s.anvilUnreachableAt) v.push(`silently dropped: ${s.name}'s Anvil is unhealthy with no "unreachable since"`);
    if ((s.state === 'provisioning' || s.state === 'draining') && !failing) {
      const shown = s.steps.some((st) => st.status === 'failed' || (st.status === 'running' && st.detail));
      if (!shown) v.push(`not converged: ${s.name} is still ${s.state} and shows no failure`);
    }
    for (const st of s.steps) if (st.status === 'failed' && !st.detail) v.push(`silently dropped: ${s.name}'s step ${st.key} failed without detail`);
    for (const a of s.applications) {
      const what = `${a.objective.name} on ${a.share.name}${a.path} at ${s.name}`;
      if (a.state !== 'applied' && !a.lastError) v.push(`not converged: ${what} is ${a.state} and shows no error`);
    }
  }
  for (const siteId of opts.anvilSites ?? []) {
    const site = await findAnvilSite(siteId);
    if (!site || !hasAnvil(site)) {
      v.push(`site ${siteId} has no Anvil to compare with`);
      continue;
    }
    const apps = await db.objectiveApplication.findMany({ where: { siteId }, include: { objective: true, share: true } });
    const paths = new Map<string, { share: string; path: string; want: string[] }>();
    for (const a of apps) {
      const p = paths.get(`${a.share.name}:${a.path}`) ?? { share: a.share.name, path: a.path, want: [] };
      if (a.state === 'applied') p.want.push(a.objective.name);
      paths.set(`${a.share.name}:${a.path}`, p);
    }
    const anvil = anvilForSite(site);
    for (const p of paths.values()) {
      const have = (await anvil.pathObjectives(p.share, p.path)).local.map((o) => o.objective).sort();
      const want = [...p.want].sort();
      if (have.join(',') !== want.join(',')) v.push(`not converged: ${site.name}'s Anvil has [${have.join(', ')}] on ${p.share}${p.path}, Postgres says [${want.join(', ')}]`);
    }
  }
  return sites.length;
}

type JobRow = { id: string; task_identifier: string; attempts: number; max_attempts: number; last_error: string | null; key: string | null; locked_at: Date | null };

async function checkJobs(db: Db, opts: InvariantOptions, v: string[]) {
  const jobs = await db.$queryRaw<JobRow[]>`SELECT id::text, task_identifier, attempts, max_attempts, last_error, key, locked_at FROM graphile_worker.jobs`;
  const failed = jobs.filter((j) => j.attempts >= j.max_attempts && !j.locked_at);
  // A job whose process was killed on each of its attempts gives up (graphile-worker counts an attempt
  // when a job is taken, so a job that kills its worker cannot loop forever). The janitor records why
  // and audits it; whether its purpose was lost is what the other invariants check.
  for (const j of failed.filter((f) => !f.last_error?.startsWith(DIED))) {
    v.push(`silently dropped: job ${j.task_identifier} (${j.key ?? 'no key'}) gave up after ${j.attempts} attempts: ${(j.last_error ?? 'no error recorded').split('\n')[0]}`);
  }
  if (opts.chains) {
    const sites = await db.site.findMany({ where: { state: { not: 'planned' } }, select: { id: true, name: true } });
    const pending = new Set(jobs.filter((j) => !j.locked_at && j.attempts < j.max_attempts).map((j) => j.key));
    for (const s of sites) if (!pending.has(reconcileJobKey(s.id))) v.push(`silently dropped: ${s.name} has no pending reconcile pass (its chain died)`);
  }
  return { failedJobs: failed.length, strandedLocks: jobs.filter((j) => j.locked_at).map((j) => `${j.task_identifier}(${j.key ?? ''})`) };
}

/** Checks every invariant; fails the test with every violation at once. Returns counts for the drill's log line. */
export async function expectInvariants(db: Db, aws: ReturnType<typeof controlApi>, opts: InvariantOptions = {}): Promise<InvariantReport> {
  const violations: string[] = [];
  const counts = await checkInstancesAndIntent(db, aws, opts, violations);
  const sites = await checkSites(db, opts, violations);
  const jobs = await checkJobs(db, opts, violations);
  expect(violations, `drill invariants:\n${violations.join('\n')}`).toEqual([]);
  return { ...counts, sites, ...jobs, violations };
}
