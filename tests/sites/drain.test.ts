import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reconcileSiteObjectives } from '@/lib/services/objectives/reconcile-site-objectives';
import { cancelDrain } from '@/lib/services/sites/cancel-drain';
import { checkDrain } from '@/lib/services/sites/check-drain';
import { forceStopSite } from '@/lib/services/sites/force-stop';
import { retrySite } from '@/lib/services/sites/retry-site';
import { runSiteSteps } from '@/lib/services/sites/run-site-step';
import { startBringUp } from '@/lib/services/sites/start-bring-up';
import { runSiteStep } from '@/lib/services/sites/run-site-step';
import { startDrain } from '@/lib/services/sites/start-drain';
import { launchWorkstations } from '@/lib/services/workstations/launch-workstations';
import { reconcileSite } from '@/lib/services/workstations/reconcile-site';
import { anvilOf, describeAnvil, hsControl, setupSitesWorld, sleep, until } from './support';

// Draining London against the simulators. While London's links are paused and a new clip waits to leave,
// the drain is refused and the blockers name the share; once the links resume (and East's objective has
// copied the clip) it may start. A second clip written after the drain started makes the drain wait at
// "replication to reach 0": no StopInstances reaches EC2 until the clip has been applied at every peer,
// which the AWS simulator's counters and instance history and the Anvil simulator's log prove.
const { t, world } = setupSitesWorld({ linkDelayMs: 200 });

type SimLogItem = { at: number; kind: string; from?: string; to?: string; path?: string };
type SimInstance = { instanceId: string; state: string; runs: Array<{ start: string; end: string | null }> };

async function writeAtLondon(rel: string, body: string) {
  const abs = path.join(describeAnvil(world, 'eu-west-2').shareRoot, 'projects', rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, body);
  const london = anvilOf(world, 'eu-west-2');
  await until(async () => ((await london.files(`/projects/${rel}`).catch(() => null)) ? true : undefined), 10_000, 50);
}

const stopCalls = async () => {
  const c = await world.awsControl.get<{ rows: Array<{ action: string; requests: number }> }>('counters?service=ec2&region=eu-west-2&action=StopInstances');
  return c.rows.reduce((n, r) => n + r.requests, 0);
};

async function londonRunning() {
  const { workstations } = await launchWorkstations(world.admin, { siteId: world.sites.london, profileId: (await t.db.launchProfile.findFirstOrThrow({ where: { siteId: world.sites.london } })).id, instanceType: 'g4dn.2xlarge', count: 1, artistId: world.artistId });
  await until(async () => {
    await reconcileSite(world.admin, { siteId: world.sites.london });
    const w = await t.db.workstation.findUniqueOrThrow({ where: { id: workstations[0]!.id } });
    return w.observedState === 'running' ? w : undefined;
  }, 15_000, 200);
  return workstations[0]!.id;
}

describe('draining a site', () => {
  it('is refused while London’s link is paused, starts once it resumes, and stops no workstation before replication reaches 0', { timeout: 90_000 }, async () => {
    const wsId = await londonRunning();
    // East keeps every Open Clip local, so a clip written at London gets a second copy there.
    const objective = await t.db.objective.create({ data: { name: 'clips-at-east', expression: `IF FNMATCH("*.clip",PATH) THEN {SLO('place-on-local-volumes')}` } });
    await t.db.objectiveApplication.create({ data: { objectiveId: objective.id, shareId: world.shareId, siteId: world.sites.east } });
    await reconcileSiteObjectives(world.admin, { siteId: world.sites.east });
    expect((await checkDrain(world.admin, { siteId: world.sites.london })).canDrain).toBe(true);

    // 1. Paused links: the clip cannot leave London.
    await hsControl(world, 'POST', '/links/eu-west-2/*/pause');
    await writeAtLondon('show/sh010/sh010_comp_v001.clip', '<clip version="1"/>');
    await sleep(1_200);
    const blocked = await checkDrain(world.admin, { siteId: world.sites.london });
    expect(blocked.canDrain).toBe(false);
    const kinds = blocked.blockers.map((b) => b.kind);
    expect(kinds).toContain('replication');
    expect(kinds).toContain('only-copy');
    const replication = blocked.blockers.find((b) => b.kind === 'replication')!;
    expect(replication.message).toMatch(/^Share projects: changes made at London have not reached every site yet/);
    expect(replication.href).toBe(`/replication?share=${world.shareId}`);
    expect(blocked.blockers.find((b) => b.kind === 'only-copy')!.message).toContain('/projects/show/sh010/sh010_comp_v001.clip');
    await expect(startDrain(world.admin, { siteId: world.sites.london })).rejects.toThrow(/London cannot be drained yet\. Share projects: changes made at London/);
    expect((await t.db.site.findUniqueOrThrow({ where: { id: world.sites.london } })).state).toBe('active');

    // An assignment there blocks with a reassign link; a connected DCV session only warns.
    const shot = await t.db.shot.create({ data: { name: 'sh010', folderPath: '/projects/show/sh010', sequence: { create: { name: 'show', project: { create: { name: 'demo' } } } } } });
    const assignment = await t.db.assignment.create({ data: { shotId: shot.id, artistId: world.artistId, siteId: world.sites.london } });
    await t.db.workstation.update({ where: { id: wsId }, data: { dcvConnected: true } });
    const people = await checkDrain(world.admin, { siteId: world.sites.london });
    expect(people.blockers.find((b) => b.kind === 'assignment')).toMatchObject({ severity: 'block', linkLabel: 'Reassign', href: `/shots/board?assignment=${assignment.id}` });
    expect(people.blockers.find((b) => b.kind === 'dcv')).toMatchObject({ severity: 'warn', linkLabel: 'london-flame-01' });
    await t.db.assignment.update({ where: { id: assignment.id }, data: { active: false } });

    // 2. Links resume: the clip reaches the peers, East copies it, and the drain may start.
    await hsControl(world, 'POST', '/links/eu-west-2/*/resume');
    const clear = await until(async () => {
      const c = await checkDrain(world.admin, { siteId: world.sites.london });
      return c.canDrain ? c : undefined;
    }, 20_000, 300);
    expect(clear.blockers.map((b) => b.kind)).toEqual(['dcv']);
    await startDrain(world.admin, { siteId: world.sites.london });

    // 3. A second clip is written after the drain started, while the links are paused again.
    await hsControl(world, 'POST', '/links/eu-west-2/*/pause');
    await writeAtLondon('show/sh010/sh010_comp_v002.clip', '<clip version="2"/>');
    await sleep(1_200);
    const early = [await runSiteStep({ siteId: world.sites.london }), await runSiteStep({ siteId: world.sites.london }), await runSiteStep({ siteId: world.sites.london })];
    expect(early.map((r) => [r.step, r.outcome])).toEqual([['stop-launches', 'done'], ['notify-artists', 'done'], ['wait-replication', 'waiting']]);
    expect(early[2]!.detail).toContain('Share projects');
    for (let i = 0; i < 3; i++) {
      expect((await runSiteStep({ siteId: world.sites.london })).outcome).toBe('waiting');
      await reconcileSite(world.admin, { siteId: world.sites.london });
    }
    expect(await stopCalls()).toBe(0);
    expect((await t.db.workstation.findUniqueOrThrow({ where: { id: wsId } })).desiredState).toBe('running');
    expect((await t.db.site.findUniqueOrThrow({ where: { id: world.sites.london } })).launchesAllowed).toBe(false);

    // 4. The links resume; the drain runs to its end (the test plays the workstation reconciler's part).
    await hsControl(world, 'POST', '/links/eu-west-2/*/resume');
    const resumedAt = Date.now();
    await until(async () => {
      await runSiteStep({ siteId: world.sites.london });
      await reconcileSite(world.admin, { siteId: world.sites.london });
      const s = await t.db.site.findUniqueOrThrow({ where: { id: world.sites.london } });
      return s.state === 'stopped' ? s : undefined;
    }, 45_000, 200);

    // The second clip was applied at East before London's instance stopped running.
    const log = await hsControl<{ items?: SimLogItem[] } | SimLogItem[]>(world, 'GET', '/log?kind=replicated');
    const items = Array.isArray(log) ? log : (log.items ?? []);
    const arrived = items.filter((i) => i.from === 'eu-west-2' && i.to === 'us-east-1' && i.path === '/show/sh010/sh010_comp_v002.clip').map((i) => i.at);
    expect(arrived.length).toBeGreaterThan(0);
    const ws = await t.db.workstation.findUniqueOrThrow({ where: { id: wsId } });
    const instance = await world.awsControl.get<SimInstance>(`instances/${ws.instanceId}`);
    const stoppedAt = Date.parse(instance.runs.at(-1)!.end!);
    expect(stoppedAt).toBeGreaterThanOrEqual(Math.min(...arrived));
    expect(stoppedAt).toBeGreaterThanOrEqual(resumedAt);
    expect(await stopCalls()).toBeGreaterThan(0);
    expect(ws).toMatchObject({ desiredState: 'stopped', observedState: 'stopped' });

    // London left the share (at the Anvils and in the database); Chloe was told; every move is audited.
    expect((await anvilOf(world, 'us-east-1').getShare('projects')).participants.map((p) => p.name)).not.toContain('London');
    expect(await t.db.shareParticipant.count({ where: { siteId: world.sites.london } })).toBe(0);
    expect(await t.db.notification.count({ where: { userId: world.artistId, kind: 'site' } })).toBe(1);
    const moves = await t.db.auditLog.findMany({ where: { entityId: world.sites.london, action: { in: ['site.drain', 'site.stop'] } }, orderBy: { id: 'asc' } });
    expect(moves.map((m) => [m.action, m.actorLabel])).toEqual([['site.drain', 'it@studio.example'], ['site.stop', 'system:drain (for it@studio.example)']]);
    expect((moves[0]!.data as { warnings: string[] }).warnings[0]).toContain('connected to london-flame-01');
  });

  it('brings a drained site back: its leftover copies are dropped when the studio has them, a file only it holds stops the rejoin', { timeout: 60_000 }, async () => {
    const london = world.sites.london;
    expect((await t.db.site.findUniqueOrThrow({ where: { id: london } })).state).toBe('stopped');
    // Written at London after it left: this file exists nowhere else.
    const root = path.join(describeAnvil(world, 'eu-west-2').shareRoot, 'projects');
    fs.mkdirSync(path.join(root, 'late'), { recursive: true });
    fs.writeFileSync(path.join(root, 'late', 'notes.txt'), 'written after the drain');
    await until(async () => ((await anvilOf(world, 'eu-west-2').files('/projects/late/notes.txt').catch(() => null)) ? true : undefined), 10_000, 100);

    await startBringUp(world.admin, { siteId: london });
    const first = await runSiteSteps({ siteId: london });
    expect(first.at(-1)).toMatchObject({ outcome: 'failed', step: 'join-shares' });
    const reason = (await t.db.site.findUniqueOrThrow({ where: { id: london } })).failureReason ?? '';
    // The two clips London made are at East too, so only the late file is named.
    expect(reason).toMatch(/London's Anvil still holds its own projects share, left from before it left the namespace, with 1 file\(s\) the studio has no copy of: \/projects\/late\/notes.txt/);

    // The admin moves the late file away and retries: the leftover share goes, London rejoins.
    fs.rmSync(path.join(root, 'late'), { recursive: true, force: true });
    await until(async () => ((await anvilOf(world, 'eu-west-2').files('/projects/late/notes.txt').catch(() => null)) ? undefined : true), 10_000, 100);
    await retrySite(world.admin, { siteId: london });
    const second = await runSiteSteps({ siteId: london });
    expect(second.at(-1)?.outcome).toBe('idle');
    expect((await t.db.site.findUniqueOrThrow({ where: { id: london } })).state).toBe('active');
    expect((await anvilOf(world, 'us-east-1').getShare('projects')).participants.map((p) => p.name)).toContain('London');
    expect(await t.db.shareParticipant.count({ where: { siteId: london } })).toBe(1);
    // The clips London made are still in the studio, at East.
    const clip = await anvilOf(world, 'us-east-1').files('/projects/show/sh010/sh010_comp_v002.clip', { replicationDetails: true });
    expect(clip.replication?.dataPresentAt).toContain('Studio East');
  });

  it('cancels a drain, and force-stops only with the name typed, recording the acknowledged risk', { timeout: 30_000 }, async () => {
    const west = world.sites.west;
    await startDrain(world.admin, { siteId: west });
    expect((await t.db.site.findUniqueOrThrow({ where: { id: west } })).state).toBe('draining');
    await cancelDrain(world.admin, { siteId: west });
    expect(await t.db.site.findUniqueOrThrow({ where: { id: west } })).toMatchObject({ state: 'active', launchesAllowed: true });

    await expect(forceStopSite(world.admin, { siteId: west, confirm: 'west' })).rejects.toThrow('Type “Studio West” to force-stop it.');
    expect((await t.db.site.findUniqueOrThrow({ where: { id: west } })).state).toBe('active');
    await expect(forceStopSite(world.admin, { siteId: world.sites.east, confirm: 'Studio East' })).rejects.toThrow('Studio East is the home site: make another site home before stopping it.');
    const r = await forceStopSite(world.admin, { siteId: west, confirm: 'Studio West', reason: 'region outage' });
    expect(r.state).toBe('stopped');
    const row = await t.db.auditLog.findFirstOrThrow({ where: { entityId: west, action: 'site.force-stop' } });
    expect(row.actorLabel).toBe('it@studio.example');
    expect(row.data).toMatchObject({ acknowledgedDataLossRisk: true, reason: 'region outage', typedConfirmation: 'Studio West', from: 'active', to: 'stopped' });
    expect(Array.isArray((row.data as { blockersAtStop: unknown }).blockersAtStop)).toBe(true);
    const moves = await t.db.auditLog.findMany({ where: { entityId: west, action: { startsWith: 'site.' } }, orderBy: { id: 'asc' } });
    expect(moves.map((m) => m.action)).toEqual(['site.drain', 'site.cancel-drain', 'site.force-stop']);
  });
});
