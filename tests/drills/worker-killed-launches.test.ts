import { describe, expect, it } from 'vitest';
import { launchWorkstations } from '@/lib/services/workstations/launch-workstations';
import { FAST_LIVENESS, jobsHeldByOthers, killWorker, startWorker } from '../helpers/worker-process';
import { expectInvariants } from './support/invariants';
import { setupWorkstationWorld, simInstances, sleep } from '../workstations/support/world';

// The crash drill: 50 launches while the worker process is SIGKILLed at random moments and restarted.
// Afterwards exactly 50 instances exist (counted through the simulator's control API), none duplicated,
// and every row agrees with EC2. What makes it hold: rows and their ClientTokens are written before any
// AWS call, RunInstances is idempotent by token, and every pass starts from what EC2 shows.
const { t, world } = setupWorkstationWorld({ transitionMs: 150 });
const N = 50;
const KILLS = 4;

const worker = () => startWorker({ databaseUrl: t.url, aws: world.sim, reconcileIntervalSeconds: 5, extra: FAST_LIVENESS });

describe('crash drill', () => {
  it('survives SIGKILLs during 50 launches: exactly 50 instances, none duplicated, every row in sync', { timeout: 150_000 }, async () => {
    // A quota increase for RunInstances (AWS: bucket 5, refill 2/s) keeps the drill well under a minute.
    await world.control.post('buckets', { action: 'RunInstances', kind: 'request', capacity: 20, refillPerSecond: 8 });
    for (const count of [20, 20, 10]) {
      await launchWorkstations(world.admin, { siteId: world.site.id, profileId: world.profileId, instanceType: 'g5.4xlarge', count, artistId: null });
    }
    // Each kill lands a random moment after the worker has launched something (the simulator's count moved):
    // on a busy machine a fixed delay after start-up can miss the launches entirely, or all of them.
    const atKill: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      const before = (await simInstances(world)).count;
      const w = worker();
      await w.ready;
      const moved = Date.now() + 20_000;
      while (before < N && (await simInstances(world)).count === before && Date.now() < moved) await sleep(50);
      await sleep(Math.floor(Math.random() * 600));
      await killWorker(w);
      atKill.push((await simInstances(world)).count);
    }
    const survivor = worker();
    await survivor.ready;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const running = await t.db.workstation.count({ where: { siteId: world.site.id, observedState: 'running', instanceId: { not: null } } });
      if (running === N) break;
      if (Date.now() > deadline) throw new Error(`only ${running} of ${N} rows running; instances at each kill: ${atKill.join(', ')}`);
      await sleep(250);
    }
    // The jobs the killed processes held come back within seconds (their beats stopped), not after 4 hours.
    expect(await jobsHeldByOthers(t.db, survivor)).toEqual([]);
    survivor.child.kill('SIGTERM');
    await survivor.exited;

    const sim = await simInstances(world);
    expect(sim.count).toBe(N);
    expect(new Set(sim.instances.map((i) => i.clientToken)).size).toBe(N);
    expect(new Set(sim.instances.map((i) => i.tags['studio:workstation-id'])).size).toBe(N);
    const rows = await t.db.workstation.findMany({ where: { siteId: world.site.id } });
    const byInstance = new Map(sim.instances.map((i) => [i.instanceId, i]));
    for (const r of rows) {
      const inst = byInstance.get(r.instanceId ?? '');
      expect(inst?.tags['studio:workstation-id']).toBe(r.id);
      expect(inst?.clientToken).toBe(r.clientToken);
      expect(inst?.state).toBe(r.observedState);
    }
    expect(await t.db.orphanInstance.count()).toBe(0);
    // The kills must have landed during the launches, not before or after all of them.
    expect(atKill.some((n) => n < N)).toBe(true);
    const invariants = await expectInvariants(t.db, world.control, { chains: true });
    console.log(JSON.stringify({ instancesAtEachKill: atKill, invariants }));
  });
});
