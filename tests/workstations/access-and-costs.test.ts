import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '@/lib/domain/auth/actor';
import { getDcvFile } from '@/lib/services/workstations/get-dcv-file';
import { getMyWorkstations } from '@/lib/services/workstations/get-my-workstation';
import { getWorkstationCosts } from '@/lib/services/workstations/get-workstation-costs';
import { getWorkstationDetail } from '@/lib/services/workstations/get-workstation-detail';
import { launchWorkstations } from '@/lib/services/workstations/launch-workstations';
import { listWorkstations } from '@/lib/services/workstations/list-workstations';
import { reconcileSite } from '@/lib/services/workstations/reconcile-site';
import { updatePrice } from '@/lib/services/workstations/update-price';
import { setupWorkstationWorld, sleep } from './support/world';

const { t, world } = setupWorkstationWorld({ transitionMs: 100 });
let anas = '';
let bens = '';

beforeAll(async () => {
  anas = (await launchWorkstations(world.admin, { siteId: world.site.id, profileId: world.profileId, instanceType: 'g5.4xlarge', count: 1, artistId: 'u_ana' })).workstations[0]!.id;
  bens = (await launchWorkstations(world.admin, { siteId: world.site.id, profileId: world.profileId, instanceType: 'g4dn.2xlarge', count: 1, artistId: 'u_ben' })).workstations[0]!.id;
  for (let i = 0; i < 20; i++) {
    await reconcileSite(systemActor('reconciler'), { siteId: world.site.id });
    if ((await t.db.workstation.count({ where: { observedState: 'running' } })) === 2) break;
    await sleep(100);
  }
});

describe('who sees which workstation', () => {
  it('shows the artist their own machine with its DCV links, and nobody else’s', async () => {
    const mine = await getMyWorkstations(world.ana);
    expect(mine.map((w) => w.id)).toEqual([anas]);
    const [w] = mine;
    expect(w).toMatchObject({ state: 'running', region: 'us-west-2', canStartStop: true });
    expect(w!.links?.browserUrl).toMatch(/^https:\/\/ec2-[\d-]+\.us-west-2\.compute\.amazonaws\.com:8443\/#console$/);
    expect(w!.links?.nativeUri).toMatch(/^dcv:\/\/.+:8443\/#console$/);
    expect(w!.runningSince).not.toBeNull();
    expect((await getMyWorkstations(world.ben)).map((x) => x.id)).toEqual([bens]);
  });

  it('serves the .dcv file to its artist and to admins, and “not found” to anyone else', async () => {
    const file = await getDcvFile(world.ana, { id: anas });
    expect(file.fileName).toBe('west-flame-01.dcv');
    expect(file.content).toMatch(/^\[version\]\r\nformat=1\.0\r\n\r\n\[connect\]\r\nhost=ec2-.+\r\nport=8443\r\nsessionid=console\r\nuser=ana@studio\.example\r\n/);
    expect((await getDcvFile(world.admin, { id: anas })).content).toContain('user=ana@studio.example');
    await expect(getDcvFile(world.ben, { id: anas })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getWorkstationDetail(world.ben, { id: anas })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getDcvFile(world.ben, { id: 'ws_does_not_exist' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listWorkstations(world.ana)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('gives the admin the detail with the event history and the links', async () => {
    const d = await getWorkstationDetail(world.admin, { id: anas });
    expect(d.links?.fileUrl).toBe(`/api/workstations/${anas}/dcv`);
    expect(d.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['requested', 'launch', 'state']));
    expect(d.clientToken).toBe(`${anas}-g1`);
  });

  it('points the link at the site’s DCV gateway when there is one', async () => {
    await t.db.site.update({ where: { id: world.site.id }, data: { dcvGatewayHost: 'dcv.west.studio.example' } });
    const [w] = await getMyWorkstations(world.ana);
    expect(w!.links?.browserUrl).toBe('https://dcv.west.studio.example:8443/#console');
    await t.db.site.update({ where: { id: world.site.id }, data: { dcvGatewayHost: null } });
  });

  it('filters and sorts the admin table', async () => {
    const byArtist = await listWorkstations(world.admin, { artistId: 'u_ben' });
    expect(byArtist.rows.map((r) => r.id)).toEqual([bens]);
    const sorted = await listWorkstations(world.admin, { sort: 'type', dir: 'desc' });
    expect(sorted.rows.map((r) => r.instanceType)).toEqual(['g5.4xlarge', 'g4dn.2xlarge']);
    expect((await listWorkstations(world.admin, { state: 'stopped' })).rows).toEqual([]);
    expect((await listWorkstations(world.admin, { state: 'nonsense' as never })).query.state).toBeUndefined();
  });
});

describe('cost', () => {
  it('prices running machines live, per site and in total', async () => {
    const costs = await getWorkstationCosts(world.admin);
    expect(costs.usdPerHour).toBeCloseTo(1.624 + 0.752, 6);
    expect(costs.sites.find((s) => s.siteId === world.site.id)).toMatchObject({ running: 2 });
    await updatePrice(world.admin, { instanceType: 'g4dn.2xlarge', hourlyUsd: 1 });
    expect((await getWorkstationCosts(world.admin)).usdPerHour).toBeCloseTo(2.624, 6);
    expect(await t.db.auditLog.count({ where: { action: 'price.update', entityId: 'g4dn.2xlarge' } })).toBe(1);
    await expect(updatePrice(world.ana, { instanceType: 'g4dn.2xlarge', hourlyUsd: 0 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('computes month-to-date from the state history', async () => {
    const now = new Date();
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const hours = (h: number) => new Date(monthStart.getTime() + h * 3_600_000);
    const archive = await t.db.site.create({ data: { region: 'eu-west-2', name: 'London', state: 'active' } });
    const old = await t.db.workstation.create({ data: { id: 'ws_history', siteId: archive.id, name: 'west-flame-old', instanceType: 'g5.4xlarge', desiredState: 'terminated', observedState: 'terminated', clientToken: 'ws_history-g1' } });
    await t.db.workstationEvent.createMany({
      data: [
        { workstationId: old.id, at: new Date(monthStart.getTime() - 86_400_000), kind: 'state', state: 'running', message: 'running before the month began' },
        { workstationId: old.id, at: hours(2), kind: 'state', state: 'stopping', message: 'stopping' },
        { workstationId: old.id, at: hours(2.1), kind: 'requested', state: 'running', message: 'intent, not state' },
        { workstationId: old.id, at: hours(3), kind: 'state', state: 'running', message: 'running' },
        { workstationId: old.id, at: hours(4), kind: 'lost', state: 'terminated', message: 'gone' },
      ],
    });
    // Running 0–2 h and 3–4 h of the month: 3 billed hours; the request event is intent and does not count.
    const costs = await getWorkstationCosts(world.admin, hours(10));
    expect(costs.sites.find((s) => s.siteId === archive.id)).toMatchObject({ running: 0, usdPerHour: 0, monthToDateUsd: 4.87 });
    expect(costs.monthStart).toBe(monthStart.toISOString());
  });
});
