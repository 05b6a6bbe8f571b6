import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '@/lib/domain/auth/actor';
import { autoStopIdle } from '@/lib/services/workstations/auto-stop-idle';
import { launchWorkstations } from '@/lib/services/workstations/launch-workstations';
import { reconcileSite } from '@/lib/services/workstations/reconcile-site';
import { clientConfig } from '@/sim/aws/harness';
import { setupWorkstationWorld, sleep } from './support/world';

// Idle auto-stop on the site policy (Studio West: stop after 120 idle minutes, warn 10 minutes before).
// CPU history comes from the simulator's CloudWatch, shaped through its control API.
const { t, world } = setupWorkstationWorld({ transitionMs: 100 });
const idleActor = systemActor('idle-stop');
const check = () => autoStopIdle(idleActor, { siteId: world.site.id });
const nowS = () => Math.floor(Date.now() / 1000);
let machines: Array<{ id: string; instanceId: string }> = [];

async function setCpu(instanceId: string, percent: number, minutesAgo: number) {
  await world.control.post(`instances/${instanceId}/cpu`, { percent, fromEpochSeconds: nowS() - minutesAgo * 60 });
}

beforeAll(async () => {
  const out = await launchWorkstations(world.admin, { siteId: world.site.id, profileId: world.profileId, instanceType: 'g5.4xlarge', count: 3, artistId: 'u_ana' });
  for (let i = 0; i < 20; i++) {
    await reconcileSite(systemActor('reconciler'), { siteId: world.site.id });
    if ((await t.db.workstation.count({ where: { observedState: 'running' } })) === 3) break;
    await sleep(100);
  }
  const rows = await t.db.workstation.findMany({ where: { id: { in: out.workstations.map((w) => w.id) } }, orderBy: { name: 'asc' } });
  machines = rows.map((r) => ({ id: r.id, instanceId: r.instanceId! }));
});

describe('idle auto-stop', () => {
  it('warns the artist in the app before stopping an idle machine, with one GetMetricData call for the region', async () => {
    const [idle, busy, gpuBusy] = machines;
    await setCpu(idle!.instanceId, 1, 180);
    await setCpu(busy!.instanceId, 80, 180);
    await setCpu(gpuBusy!.instanceId, 1, 180);
    // The CloudWatch agent's GPU metric says this one is rendering, even though its CPU is quiet.
    const cw = new CloudWatchClient({ ...clientConfig(world.sim, world.site.region), maxAttempts: 1 });
    await cw.send(new PutMetricDataCommand({
      Namespace: 'CWAgent',
      MetricData: Array.from({ length: 20 }, (_, i) => ({ MetricName: 'nvidia_smi_utilization_gpu', Dimensions: [{ Name: 'InstanceId', Value: gpuBusy!.instanceId }], Timestamp: new Date(Date.now() - i * 60_000), Value: 95 })),
    }));
    cw.destroy();
    await world.control.post('counters/reset');

    const first = await check();
    expect(first).toMatchObject({ checked: 3, warned: 1, stopped: 0, metricCalls: 1 });
    const counters = await world.control.get<{ totals: { requests: number } }>('counters?service=monitoring&action=GetMetricData');
    expect(counters.totals.requests).toBe(1);
    const warned = await t.db.workstation.findUniqueOrThrow({ where: { id: idle!.id } });
    expect(warned.idleWarnedAt).not.toBeNull();
    expect(warned.desiredState).toBe('running');
    const notice = await t.db.notification.findFirstOrThrow({ where: { userId: 'u_ana', kind: 'workstation.idle-warning' } });
    expect(notice.body).toMatch(/will be stopped at about \d\d:\d\d UTC/);
    expect(await t.db.auditLog.count({ where: { action: 'workstation.idle-warning', entityId: idle!.id } })).toBe(1);
    for (const m of [busy!, gpuBusy!]) expect((await t.db.workstation.findUniqueOrThrow({ where: { id: m.id } })).idleWarnedAt).toBeNull();

    // Warned a moment ago: the artist still has their warning period.
    expect((await check()).stopped).toBe(0);
  });

  it('stops the machine once the warning period has passed, audits it, and the reconciler stops the instance', async () => {
    const idle = machines[0]!;
    await t.db.workstation.update({ where: { id: idle.id }, data: { idleWarnedAt: new Date(Date.now() - 11 * 60_000) } });
    expect(await check()).toMatchObject({ stopped: 1 });
    const row = await t.db.workstation.findUniqueOrThrow({ where: { id: idle.id } });
    expect(row).toMatchObject({ desiredState: 'stopped', idleWarnedAt: null });
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: 'workstation.idle-stop', entityId: idle.id } });
    expect(entry.actorLabel).toBe('system:idle-stop');
    expect(entry.summary).toMatch(/Stopped after \d+ idle minutes/);
    await reconcileSite(systemActor('reconciler'), { siteId: world.site.id });
    expect((await world.control.get<{ state: string }>(`instances/${idle.instanceId}`)).state).toBe('stopping');
  });

  it('cancels a warning as soon as the machine is used again', async () => {
    const m = machines[2]!;
    await world.control.post(`instances/${m.instanceId}/cpu`, { percent: null });
    await setCpu(m.instanceId, 1, 180);
    await t.db.workstation.update({ where: { id: m.id }, data: { idleWarnedAt: new Date(), idleSince: new Date(Date.now() - 115 * 60_000) } });
    // Rendering again: the newest samples are busy (GPU samples from the first test are still there).
    const result = await check();
    expect(result.cleared).toBe(1);
    expect((await t.db.workstation.findUniqueOrThrow({ where: { id: m.id } })).idleWarnedAt).toBeNull();
    expect(await t.db.workstationEvent.count({ where: { workstationId: m.id, kind: 'idle' } })).toBe(1);
  });

  it('does nothing at a site without an idle policy', async () => {
    await t.db.site.update({ where: { id: world.site.id }, data: { idleStopMinutes: null } });
    expect(await check()).toMatchObject({ skipped: 'no idle policy', checked: 0 });
  });
});
