import { describe, expect, it } from 'vitest';
import { systemActor } from '@/lib/domain/auth/actor';
import { clientTokenFor } from '@/lib/domain/workstations/client-token';
import { reconcileSite, type ReconcileSummary } from '@/lib/services/workstations/reconcile-site';
import { stopWorkstations } from '@/lib/services/workstations/stop-workstations';
import { expectInvariants } from './support/invariants';
import { setupWorkstationWorld, simInstances, sleep } from '../workstations/support/world';

// With the simulator throttling half of every EC2 call, 1,000 workstations still converge: launched once
// each (no duplicates), observed running, then half of them stopped. Every pass is a real pass through
// the product's reconciler: a pass whose Describe fails after its retries just counts as a failed pass.
const { t, world } = setupWorkstationWorld({ transitionMs: 300 });
const N = 1000;
const ACTIONS = ['DescribeInstances', 'RunInstances', 'StartInstances', 'StopInstances', 'TerminateInstances'];

async function converge(done: () => Promise<boolean>, maxPasses: number) {
  const log: Array<ReconcileSummary | string> = [];
  for (let i = 0; i < maxPasses; i++) {
    try {
      log.push(await reconcileSite(systemActor('reconciler'), { siteId: world.site.id }, { launchConcurrency: 32 }));
    } catch (err) {
      log.push((err as Error).message);
    }
    if (await done()) return log;
    await sleep(150);
  }
  throw new Error(`no convergence after ${maxPasses} passes: ${JSON.stringify(log.slice(-3))}`);
}

describe('reconciling 1,000 instances while half of all requests are throttled', () => {
  it('launches each workstation exactly once and converges, then converges again after a mass stop', { timeout: 240_000 }, async () => {
    const ids = Array.from({ length: N }, (_, i) => `ws_thr${String(i).padStart(4, '0')}`);
    await t.db.workstation.createMany({
      data: ids.map((id, i) => ({ id, siteId: world.site.id, profileId: world.profileId, name: `west-flame-t${i}`, instanceType: 'g5.4xlarge', desiredState: 'running' as const, clientToken: clientTokenFor(id, 1) })),
    });
    // Only injected throttling: AWS's own token buckets would turn 1,000 launches into a 10-minute test.
    await world.control.post('buckets', { enabled: false });
    for (const action of ACTIONS) await world.control.post('faults/throttle', { action, rate: 0.5 });

    const allRunning = async () => (await t.db.workstation.count({ where: { siteId: world.site.id, observedState: 'running', instanceId: { not: null } } })) === N;
    const first = await converge(allRunning, 40);

    const sim = await simInstances(world);
    expect(sim.count).toBe(N);
    expect(new Set(sim.instances.map((i) => i.clientToken)).size).toBe(N);
    const rows = await t.db.workstation.findMany({ where: { siteId: world.site.id }, select: { id: true, instanceId: true } });
    const bySim = new Map(sim.instances.map((i) => [i.instanceId, i.tags['studio:workstation-id']]));
    for (const r of rows) expect(bySim.get(r.instanceId!)).toBe(r.id);

    const counters = await world.control.get<{ totals: { requests: number; throttled: number } }>('counters?service=ec2');
    expect(counters.totals.throttled).toBeGreaterThan(N / 4);

    await stopWorkstations(world.admin, { ids: ids.slice(0, 500) });
    const halfStopped = async () => (await t.db.workstation.count({ where: { siteId: world.site.id, observedState: 'stopped' } })) === 500;
    const second = await converge(halfStopped, 40);
    expect((await simInstances(world, '&state=stopped')).count).toBe(500);
    expect((await simInstances(world, '&state=running')).count).toBe(500);
    const invariants = await expectInvariants(t.db, world.control);
    console.log(JSON.stringify({ invariants, passesToLaunch: first.length, passesToStop: second.length, ec2Requests: counters.totals.requests, throttled: counters.totals.throttled }));
  });
});
