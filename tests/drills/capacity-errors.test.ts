import { describe, expect, it } from 'vitest';
import { launchWorkstations } from '@/lib/services/workstations/launch-workstations';
import { killWorker, startWorker, type WorkerProcess } from '../helpers/worker-process';
import { setupWorkstationWorld, simInstances, sleep } from '../workstations/support/world';
import { expectInvariants } from './support/invariants';

// Capacity errors: AWS has no g5.4xlarge left in us-west-2 (InsufficientInstanceCapacity, injected through
// the simulator's control API) while an admin launches 6 of them and 4 g4dn.2xlarge. A real worker process
// reconciles. The g4dn launches converge; each g5 row shows the error (code, message, an error event)
// instead of vanishing, is tried again on every pass without ever getting a second instance, and
// converges once capacity returns.
const { t, world } = setupWorkstationWorld({ transitionMs: 150 });
const SHORT = { type: 'g5.4xlarge', count: 6 };
const PLENTY = { type: 'g4dn.2xlarge', count: 4 };
const N = SHORT.count + PLENTY.count;

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 90_000, w?: WorkerProcess): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const got = await probe();
    if (got) return got;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${w ? `: ${w.log().slice(-2000)}` : ''}`);
    await sleep(250);
  }
}

/** InsufficientInstanceCapacity answers the simulator has given so far (each SDK attempt counts). */
async function capacityRefusals(): Promise<number> {
  const c = await world.control.get<{ rows: Array<{ errors: Record<string, number> }> }>(`counters?service=ec2&region=${world.site.region}&action=RunInstances`);
  return c.rows.reduce((n, r) => n + (r.errors.InsufficientInstanceCapacity ?? 0), 0);
}

describe('capacity errors', () => {
  it('shows InsufficientInstanceCapacity on the rows AWS refused, retries them without duplicates, converges when capacity returns', { timeout: 200_000 }, async () => {
    await world.control.post('faults/capacity', { region: world.site.region, instanceType: SHORT.type });
    const short = await launchWorkstations(world.admin, { siteId: world.site.id, profileId: world.profileId, instanceType: SHORT.type, count: SHORT.count, artistId: null });
    await launchWorkstations(world.admin, { siteId: world.site.id, profileId: world.profileId, instanceType: PLENTY.type, count: PLENTY.count, artistId: null });
    const shortIds = short.workstations.map((w) => w.id);
    const worker = startWorker({ databaseUrl: t.url, aws: world.sim, reconcileIntervalSeconds: 5 });
    try {
      await worker.ready;
      // While capacity is short: the others run, and every refused row says why.
      await until('the g4dn rows running and the g5 rows showing the capacity error', async () => {
        const running = await t.db.workstation.count({ where: { instanceType: PLENTY.type, observedState: 'running' } });
        const shown = await t.db.workstation.count({ where: { id: { in: shortIds }, lastErrorCode: 'InsufficientInstanceCapacity' } });
        return running === PLENTY.count && shown === SHORT.count;
      }, 90_000, worker);
      const refused = await t.db.workstation.findMany({ where: { id: { in: shortIds } } });
      for (const r of refused) {
        expect(r).toMatchObject({ desiredState: 'running', instanceId: null, lastErrorCode: 'InsufficientInstanceCapacity' });
        expect(r.lastError).toMatch(/capacity/i);
      }
      // Each refused row's history says why. (At least once: a throttled retry in between changes the
      // row's error code, and the capacity error coming back is then a new event.)
      const explained = await t.db.workstationEvent.findMany({ where: { workstationId: { in: shortIds }, kind: 'error', message: { startsWith: 'InsufficientInstanceCapacity' } }, distinct: ['workstationId'], select: { workstationId: true } });
      expect(explained.map((e) => e.workstationId).sort()).toEqual([...shortIds].sort());
      // A later pass tries every refused row again (level-triggered), and still nothing is duplicated.
      const before = await capacityRefusals();
      await until('another pass retrying every refused launch', async () => (await capacityRefusals()) >= before + SHORT.count, 60_000, worker);
      expect((await simInstances(world)).count).toBe(PLENTY.count);
      await expectInvariants(t.db, world.control, { inFlight: true });

      // Capacity returns: the refused rows launch, each once, and their errors clear.
      await world.control.post('faults/capacity', { region: world.site.region, instanceType: SHORT.type, clear: true });
      await until('all workstations running', async () => (await t.db.workstation.count({ where: { observedState: 'running', instanceId: { not: null } } })) === N, 90_000, worker);
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
    } finally {
      await killWorker(worker);
    }
    expect(await t.db.workstation.count({ where: { lastErrorCode: { not: null } } })).toBe(0);
    const sim = await simInstances(world);
    expect(sim.count).toBe(N);
    expect(new Set(sim.instances.map((i) => i.clientToken)).size).toBe(N);
    expect(sim.instances.filter((i) => shortIds.includes(i.tags['studio:workstation-id'] ?? '')).map((i) => i.state)).toEqual(Array(SHORT.count).fill('running'));
    const invariants = await expectInvariants(t.db, world.control, { chains: true });
    console.log(JSON.stringify({ capacityRefusals: await capacityRefusals(), invariants }));
  });
});
