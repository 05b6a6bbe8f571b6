import { describe, expect, it } from 'vitest';
import { systemActor } from '@/lib/domain/auth/actor';
import { launchWorkstations } from '@/lib/services/workstations/launch-workstations';
import { reconcileSite } from '@/lib/services/workstations/reconcile-site';
import { startWorkstations } from '@/lib/services/workstations/start-workstations';
import { stopWorkstations } from '@/lib/services/workstations/stop-workstations';
import { terminateWorkstations } from '@/lib/services/workstations/terminate-workstations';
import { setupWorkstationWorld, simInstances, sleep } from './support/world';

const { t, world } = setupWorkstationWorld({ transitionMs: 150 });
const reconciler = systemActor('reconciler');
const pass = () => reconcileSite(reconciler, { siteId: world.site.id });
const row = (id: string) => t.db.workstation.findUniqueOrThrow({ where: { id } });

/** Passes until `done` holds (transitions take 150 ms in the simulator). */
async function passUntil(done: () => Promise<boolean>, max = 20) {
  for (let i = 0; i < max; i++) {
    await pass();
    if (await done()) return;
    await sleep(100);
  }
  throw new Error('did not converge');
}

describe('launching, stopping, starting and terminating workstations', () => {
  let ids: string[] = [];

  it('writes the rows with desired state running and a ClientToken before any AWS call, with audit rows and a reconcile job', async () => {
    const out = await launchWorkstations(world.admin, { siteId: world.site.id, profileId: world.profileId, instanceType: 'g5.4xlarge', count: 3, artistId: 'u_ana' });
    ids = out.workstations.map((w) => w.id);
    expect(out.workstations.map((w) => w.name)).toEqual(['west-flame-01', 'west-flame-02', 'west-flame-03']);
    const rows = await t.db.workstation.findMany({ where: { id: { in: ids } } });
    for (const r of rows) {
      expect(r).toMatchObject({ desiredState: 'running', observedState: null, instanceId: null, launchGeneration: 1, clientToken: `${r.id}-g1`, artistId: 'u_ana' });
    }
    expect((await simInstances(world)).count).toBe(0);
    expect(await t.db.auditLog.count({ where: { action: 'workstation.launch', entityId: { in: ids } } })).toBe(3);
    const jobs = await t.db.$queryRaw<Array<{ key: string }>>`SELECT key FROM graphile_worker.jobs WHERE task_identifier = 'workstations:reconcile-site'`;
    expect(jobs.map((j) => j.key)).toEqual([`workstations:reconcile-site:${world.site.id}`]);
  });

  it('launches them with every studio tag, shows pending and then running', async () => {
    const first = await pass();
    expect(first.planned.launch).toBe(3);
    const sim = await simInstances(world);
    expect(sim.count).toBe(3);
    for (const inst of sim.instances) {
      expect(inst.tags).toMatchObject({ 'studio:managed': 'true', 'studio:site': 'us-west-2', 'studio:artist': 'ana@studio.example' });
      expect(ids).toContain(inst.tags['studio:workstation-id']);
      expect(inst.clientToken).toBe(`${inst.tags['studio:workstation-id']}-g1`);
      expect(inst.tags.Name).toMatch(/^west-flame-0[123]$/);
    }
    expect((await row(ids[0]!)).observedState).toBe('pending');
    await passUntil(async () => (await t.db.workstation.count({ where: { id: { in: ids }, observedState: 'running' } })) === 3);
    const r = await row(ids[0]!);
    expect(r.dcvHost).toMatch(/compute\.amazonaws\.com$/);
    const events = await t.db.workstationEvent.findMany({ where: { workstationId: ids[0] }, orderBy: { at: 'asc' } });
    expect(events.map((e) => e.kind)).toEqual(['requested', 'launch', 'state']);
    expect(events.at(-1)?.state).toBe('running');
  });

  it('writes nothing and describes once when nothing changed', async () => {
    await world.control.post('counters/reset');
    const steady = await pass();
    expect(steady.dbWrites).toBe(0);
    expect(steady.describePages).toBe(1);
    const counters = await world.control.get<{ totals: { requests: number } }>('counters?action=DescribeInstances');
    expect(counters.totals.requests).toBe(1);
  });

  it('stops one machine and starts it again', async () => {
    const stopped = await stopWorkstations(world.admin, { ids: [ids[0]!] });
    expect(stopped.changed).toEqual([ids[0]]);
    expect((await stopWorkstations(world.admin, { ids: [ids[0]!] })).changed).toEqual([]);
    await passUntil(async () => (await row(ids[0]!)).observedState === 'stopped');
    expect((await simInstances(world, '&state=stopped')).count).toBe(1);
    await startWorkstations(world.admin, { ids: [ids[0]!] });
    await passUntil(async () => (await row(ids[0]!)).observedState === 'running');
    expect(await t.db.auditLog.count({ where: { entityId: ids[0], action: { in: ['workstation.stop', 'workstation.start'] } } })).toBe(2);
  });

  it('lets the assigned artist stop their own machine, and nobody else', async () => {
    await expect(stopWorkstations(world.ben, { ids: [ids[1]!] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(terminateWorkstations(world.ana, { ids: [ids[1]!], confirm: 'west-flame-02' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await t.db.site.update({ where: { id: world.site.id }, data: { artistsMayStartStop: false } });
    await expect(stopWorkstations(world.ana, { ids: [ids[1]!] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await t.db.site.update({ where: { id: world.site.id }, data: { artistsMayStartStop: true } });
    expect((await stopWorkstations(world.ana, { ids: [ids[1]!] })).changed).toEqual([ids[1]]);
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { entityId: ids[1], action: 'workstation.stop' } });
    expect(entry.actorLabel).toBe('ana@studio.example');
  });

  it('terminates only with the typed confirmation', async () => {
    await expect(terminateWorkstations(world.admin, { ids: [ids[2]!], confirm: 'west-flame-9' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(terminateWorkstations(world.admin, { ids: [ids[1]!, ids[2]!], confirm: 'west-flame-02' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await terminateWorkstations(world.admin, { ids: [ids[1]!, ids[2]!], confirm: 'terminate 2 workstations' });
    await passUntil(async () => (await t.db.workstation.count({ where: { id: { in: [ids[1]!, ids[2]!] }, observedState: 'terminated' } })) === 2);
    expect((await simInstances(world, '&state=terminated')).count).toBe(2);
    await expect(startWorkstations(world.admin, { ids: [ids[2]!] })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('launch validation and AWS errors', () => {
  it('refuses an instance type the profile does not allow, with a field error', async () => {
    await expect(launchWorkstations(world.admin, { siteId: world.site.id, profileId: world.profileId, instanceType: 'p5.48xlarge', count: 1, artistId: null })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { instanceType: [expect.stringContaining('g5.4xlarge')] },
    });
    await expect(launchWorkstations(world.ana, { siteId: world.site.id, profileId: world.profileId, instanceType: 'g5.4xlarge', count: 1, artistId: null })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('records an AWS capacity error on the row with its code, once, and clears it when the launch succeeds', async () => {
    await world.control.post('faults/capacity', { region: 'us-west-2', instanceType: 'g6e.4xlarge' });
    const { workstations } = await launchWorkstations(world.admin, { siteId: world.site.id, profileId: world.profileId, instanceType: 'g6e.4xlarge', count: 1, artistId: null });
    const id = workstations[0]!.id;
    await pass();
    await pass();
    const failed = await row(id);
    expect(failed.lastErrorCode).toBe('InsufficientInstanceCapacity');
    expect(failed.lastError).toContain('g6e.4xlarge capacity');
    expect(await t.db.workstationEvent.count({ where: { workstationId: id, kind: 'error' } })).toBe(1);
    await world.control.post('faults/capacity', { region: 'us-west-2', instanceType: 'g6e.4xlarge', clear: true });
    await pass();
    const ok = await row(id);
    expect(ok.instanceId).toMatch(/^i-/);
    expect(ok.lastErrorCode).toBeNull();
  });
});
