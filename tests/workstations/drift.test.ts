import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { runInstance } from '@/lib/adapters/aws/ec2-instances';
import { systemActor } from '@/lib/domain/auth/actor';
import { workstationTags } from '@/lib/domain/workstations/tags';
import { adoptOrphan } from '@/lib/services/workstations/adopt-orphan';
import { launchWorkstations } from '@/lib/services/workstations/launch-workstations';
import { reconcileSite } from '@/lib/services/workstations/reconcile-site';
import { relaunchWorkstation } from '@/lib/services/workstations/relaunch-workstation';
import { terminateOrphan } from '@/lib/services/workstations/terminate-orphan';
import { clientConfig } from '@/sim/aws/harness';
import { addSite, setupWorkstationWorld, simInstances, sleep } from './support/world';

const { t, world } = setupWorkstationWorld({ transitionMs: 100 });
const reconciler = systemActor('reconciler');
const pass = (siteId = world.site.id) => reconcileSite(reconciler, { siteId }, { backoff: { attempts: 2, baseMs: 10 } });

async function launchOne(artistId: string | null = null) {
  const out = await launchWorkstations(world.admin, { siteId: world.site.id, profileId: world.profileId, instanceType: 'g5.4xlarge', count: 1, artistId });
  return out.workstations[0]!;
}

/** An instance tagged as ours that the control plane never launched (another tool, a lost database, a test). */
async function strayInstance(tags: Array<[string, string]>) {
  const ec2 = new EC2Client({ ...clientConfig(world.sim, world.site.region), maxAttempts: 1 });
  const out = await ec2.send(new RunInstancesCommand({ ImageId: world.ami, InstanceType: 'g4dn.2xlarge', MinCount: 1, MaxCount: 1, TagSpecifications: [{ ResourceType: 'instance', Tags: tags.map(([Key, Value]) => ({ Key, Value })) }] }));
  ec2.destroy();
  return out.Instances![0]!.InstanceId!;
}

describe('drift between the database and EC2', () => {
  it('finds the instance of a launch whose worker died after RunInstances, instead of launching again', async () => {
    const w = await launchOne();
    const row = await t.db.workstation.findUniqueOrThrow({ where: { id: w.id } });
    // The crash: RunInstances reached EC2 with the row's token, but its answer was never written down.
    const launched = await runInstance(world.site.region, {
      clientToken: row.clientToken, imageId: world.ami, instanceType: 'g5.4xlarge', subnetId: null, securityGroupIds: [], volumeSizeGb: 500,
      tags: workstationTags({ id: row.id, name: row.name, region: world.site.region, artistEmail: null }),
    });
    const summary = await pass();
    expect(summary.planned.launch).toBe(0);
    expect((await t.db.workstation.findUniqueOrThrow({ where: { id: w.id } })).instanceId).toBe(launched.instanceId);
    expect((await simInstances(world, `&clientToken=${row.clientToken}`)).count).toBe(1);
  });

  it('shows a launch EC2 refuses as IdempotentParameterMismatch, and a relaunch sends it with a new token', async () => {
    const w = await launchOne();
    const row = await t.db.workstation.findUniqueOrThrow({ where: { id: w.id } });
    // A first attempt went out with other settings (the profile was edited since): the token is spent.
    const first = await runInstance(world.site.region, { clientToken: row.clientToken, imageId: world.ami, instanceType: 'g6e.4xlarge', subnetId: null, securityGroupIds: [], volumeSizeGb: 500, tags: [] });
    await world.control.delete(`instances/${first.instanceId}`);
    await pass();
    const stuck = await t.db.workstation.findUniqueOrThrow({ where: { id: w.id } });
    expect(stuck).toMatchObject({ instanceId: null, lastErrorCode: 'IdempotentParameterMismatch' });
    expect(stuck.lastError).toContain('relaunch the workstation');
    await relaunchWorkstation(world.admin, { id: w.id });
    await pass();
    expect(await t.db.workstation.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ clientToken: `${w.id}-g2`, lastErrorCode: null, instanceId: expect.stringMatching(/^i-/) });
  });

  it('shows an unclaimed tagged instance as an orphan, and adopts it as a workstation', async () => {
    const id = await strayInstance([['Name', 'render-box-7'], ['studio:managed', 'true'], ['studio:site', 'us-west-2']]);
    await sleep(300); // past pending, so the second pass below sees nothing new at all
    await pass();
    const orphan = await t.db.orphanInstance.findUniqueOrThrow({ where: { instanceId: id } });
    expect(orphan).toMatchObject({ siteId: world.site.id, instanceType: 'g4dn.2xlarge' });
    expect(await t.db.auditLog.count({ where: { action: 'orphan.detected', entityId: id } })).toBe(1);
    expect((await pass()).dbWrites).toBe(0);

    const adopted = await adoptOrphan(world.admin, { orphanId: orphan.id, artistId: 'u_ben' });
    expect(adopted.name).toBe('render-box-7');
    expect(await t.db.orphanInstance.count({ where: { instanceId: id } })).toBe(0);
    const ws = await t.db.workstation.findUniqueOrThrow({ where: { id: adopted.workstationId } });
    expect(ws).toMatchObject({ instanceId: id, artistId: 'u_ben', desiredState: 'running' });
    const after = await pass();
    expect(after.planned['record-orphan']).toBe(0);
    expect(after.planned.launch).toBe(0);
  });

  it('terminates an orphan only with its instance id typed, and forgets it once it is gone', async () => {
    const id = await strayInstance([['studio:managed', 'true'], ['studio:workstation-id', 'ws_from_another_database']]);
    await pass();
    const orphan = await t.db.orphanInstance.findUniqueOrThrow({ where: { instanceId: id } });
    await expect(terminateOrphan(world.admin, { orphanId: orphan.id, confirm: 'yes' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(terminateOrphan(world.ana, { orphanId: orphan.id, confirm: id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await terminateOrphan(world.admin, { orphanId: orphan.id, confirm: id })).toMatchObject({ state: 'shutting-down' });
    await sleep(250);
    await pass();
    expect(await t.db.orphanInstance.count({ where: { instanceId: id } })).toBe(0);
    expect(await t.db.auditLog.count({ where: { action: 'orphan.terminate', entityId: id } })).toBe(1);
  });

  it('marks a workstation lost when its instance vanishes, and relaunches it with a new generation', async () => {
    const w = await launchOne('u_ana');
    await pass();
    const before = await t.db.workstation.findUniqueOrThrow({ where: { id: w.id } });
    // Launched long enough ago for EC2's eventual consistency not to excuse a missing instance.
    await t.db.workstation.update({ where: { id: w.id }, data: { launchedAt: new Date(Date.now() - 10 * 60_000) } });
    await world.control.delete(`instances/${before.instanceId}`);
    await pass();
    const lost = await t.db.workstation.findUniqueOrThrow({ where: { id: w.id } });
    expect(lost).toMatchObject({ lost: true, observedState: 'terminated', instanceId: before.instanceId });
    expect(await t.db.workstationEvent.count({ where: { workstationId: w.id, kind: 'lost' } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { action: 'workstation.lost', entityId: w.id } })).toBe(1);
    expect((await pass()).planned.launch).toBe(0);

    await relaunchWorkstation(world.admin, { id: w.id });
    await pass();
    const again = await t.db.workstation.findUniqueOrThrow({ where: { id: w.id } });
    expect(again).toMatchObject({ lost: false, launchGeneration: 2, clientToken: `${w.id}-g2` });
    expect(again.instanceId).not.toBe(before.instanceId);
    await expect(relaunchWorkstation(world.admin, { id: w.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps sites independent: one region failing records its error and never stalls another', async () => {
    const london = await addSite(t, world.sim, 'eu-west-2', 'London');
    await launchWorkstations(world.admin, { siteId: london.site.id, profileId: london.profileId, instanceType: 'g5.4xlarge', count: 1, artistId: null });
    await world.control.post('faults/throttle', { action: 'DescribeInstances', rate: 1, region: 'eu-west-2' });
    const [eu, west] = await Promise.allSettled([pass(london.site.id), pass()]);
    expect(eu.status).toBe('rejected');
    expect(west.status).toBe('fulfilled');
    const site = await t.db.site.findUniqueOrThrow({ where: { id: london.site.id } });
    expect(site.lastReconcileError).toContain('RequestLimitExceeded');
    await world.control.post('faults/throttle', { action: 'DescribeInstances', rate: 0, region: 'eu-west-2' });
    await pass(london.site.id);
    expect((await t.db.site.findUniqueOrThrow({ where: { id: london.site.id } })).lastReconcileError).toBeNull();
    expect(await t.db.workstation.count({ where: { siteId: london.site.id, instanceId: { not: null } } })).toBe(1);
  });
});
