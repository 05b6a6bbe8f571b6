/** One full reconcile pass over every benchmark site, through the product's reconcile service. */
import { systemActor } from '../../lib/domain/auth/actor';
import { reconcileSite } from '../../lib/services/workstations/reconcile-site';
import type { BenchSite } from './reconcile-world';

export async function fullPass(sites: BenchSite[], endpoint: string) {
  await fetch(`${endpoint}/_sim/counters/reset`, { method: 'POST' });
  const actor = systemActor('bench');
  const cpu = process.cpuUsage();
  const started = performance.now();
  const phases = { readMs: 0, describeMs: 0, planMs: 0, applyMs: 0 };
  let dbWrites = 0;
  let describeRetries = 0;
  let observe = 0;
  for (const site of sites) {
    const s = await reconcileSite(actor, { siteId: site.id });
    dbWrites += s.dbWrites;
    describeRetries += s.describeRetries;
    observe += s.planned.observe;
    for (const k of Object.keys(phases) as Array<keyof typeof phases>) phases[k] += s.phases[k];
  }
  const used = process.cpuUsage(cpu);
  const wallMs = Math.round(performance.now() - started);
  const counters = (await (await fetch(`${endpoint}/_sim/counters?action=DescribeInstances`)).json()) as { totals: { requests: number }; rows: Array<{ requests: number }> };
  return {
    cpuMs: Math.round((used.user + used.system) / 1000),
    wallMs,
    phases,
    dbWrites,
    observe,
    describeRetries,
    describeCalls: counters.totals.requests,
    describeCallsMaxPerRegion: Math.max(0, ...counters.rows.map((r) => r.requests)),
  };
}
