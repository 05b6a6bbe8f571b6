import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { registerSite } from '@/lib/services/sites/register-site';
import { retrySite } from '@/lib/services/sites/retry-site';
import { runSiteSteps } from '@/lib/services/sites/run-site-step';
import { startBringUp } from '@/lib/services/sites/start-bring-up';
import { startDrain } from '@/lib/services/sites/start-drain';
import { listSites } from '@/lib/services/sites/list-sites';
import { amiIn, anvilOf, describeAnvil, setupSitesWorld } from './support';

// Bringing Sydney (ap-southeast-2, an Anvil that is up but alone) into the studio, step by step, against
// the simulators over HTTP: a wrong password fails the check with the Anvil's reason, a fixed password
// and a retry resume at that step, and the finished site is in the namespace, in the share, holds the
// studio-wide objective (not the home-only one), has profiles with its own region's images and the two
// workstations asked for.
const { t, world } = setupSitesWorld();

async function studioObjectives() {
  const everywhere = await t.db.objective.create({ data: { name: 'clips-local-everywhere', expression: `IF FNMATCH("*.clip",PATH) THEN {SLO('place-on-local-volumes')}` } });
  const homeOnly = await t.db.objective.create({ data: { name: 'batch-local-at-home', expression: `IF FNMATCH("*.batch",PATH) THEN {SLO('place-on-local-volumes')}` } });
  for (const siteId of Object.values(world.sites)) await t.db.objectiveApplication.create({ data: { objectiveId: everywhere.id, shareId: world.shareId, siteId, state: 'applied' } });
  await t.db.objectiveApplication.create({ data: { objectiveId: homeOnly.id, shareId: world.shareId, siteId: world.sites.east, state: 'applied' } });
}

describe('bringing a site up', () => {
  it('registers, fails on a wrong password with the Anvil’s reason, resumes after a fix, and ends active and joined', { timeout: 60_000 }, async () => {
    await studioObjectives();
    const sydney = describeAnvil(world, 'ap-southeast-2');
    const london = describeAnvil(world, 'eu-west-2');
    const base = { name: 'Sydney', region: 'ap-southeast-2', anvilUrl: sydney.url, anvilUsername: 'admin' };

    // One Anvil per site: London's URL is refused with a field error.
    const clash = await registerSite(world.admin, { ...base, anvilUrl: london.url, anvilPassword: 'x' }).catch((e: AppError) => e);
    expect((clash as AppError).fieldErrors?.anvilUrl?.[0]).toContain('London already uses this Anvil');

    const { siteId } = await registerSite(world.admin, { ...base, anvilPassword: 'wrong-password' });
    const row = await t.db.site.findUniqueOrThrow({ where: { id: siteId } });
    expect(row).toMatchObject({ state: 'planned', launchesAllowed: false });
    expect(row.anvilPasswordEnc).not.toContain('wrong-password');
    await expect(startDrain(world.admin, { siteId })).rejects.toThrow('Sydney is planned: only a site that is active can drain.');

    await startBringUp(world.admin, { siteId, workstations: 2 });
    const first = await runSiteSteps({ siteId });
    expect(first.at(-1)).toMatchObject({ outcome: 'failed', step: 'check-anvil' });
    const failed = await t.db.site.findUniqueOrThrow({ where: { id: siteId } });
    expect(failed.state).toBe('failed');
    expect(failed.failureReason).toMatch(/^Check the Anvil answers: Sydney's Anvil refused the stored credentials/);

    // The admin fixes the password (a failed site may be edited) and retries: the register step stays done.
    await registerSite(world.admin, { ...base, siteId, anvilPassword: sydney.password });
    await retrySite(world.admin, { siteId });
    const second = await runSiteSteps({ siteId });
    expect(second.map((r) => r.step)).toEqual(['check-anvil', 'join-namespace', 'join-shares', 'objectives', 'launch-profiles', 'activate', 'launch-workstations', undefined]);
    expect(second.at(-1)?.outcome).toBe('idle');

    const site = await t.db.site.findUniqueOrThrow({ where: { id: siteId }, include: { steps: { where: { workflow: 'bring-up' } } } });
    expect(site).toMatchObject({ state: 'active', failureReason: null, launchesAllowed: true, anvilHealthy: true });
    expect(site.steps.every((s) => s.status === 'done')).toBe(true);
    expect(site.steps.find((s) => s.key === 'register')?.attempts).toBe(1);

    // The home Anvil knows Sydney once, as a remote site and as a participant of projects.
    const home = anvilOf(world, 'us-east-1');
    expect((await home.listSites()).filter((s) => s.name === 'Sydney' && s.type === 'REMOTE')).toHaveLength(1);
    expect((await home.getShare('projects')).participants.filter((p) => p.name === 'Sydney')).toHaveLength(1);
    expect(await t.db.shareParticipant.count({ where: { siteId } })).toBe(1);

    // The studio-wide objective is defined and set at Sydney; the home-only one is not copied.
    const syd = anvilOf(world, 'ap-southeast-2');
    expect((await syd.listObjectives()).map((o) => o.name)).toContain('clips-local-everywhere');
    expect((await syd.listObjectives()).map((o) => o.name)).not.toContain('batch-local-at-home');
    expect((await syd.pathObjectives('projects', '/')).local.map((a) => a.objective)).toEqual(['clips-local-everywhere']);
    const apps = await t.db.objectiveApplication.findMany({ where: { siteId }, include: { objective: true } });
    expect(apps.map((a) => [a.objective.name, a.state])).toEqual([['clips-local-everywhere', 'applied']]);

    // Profiles point at Sydney's own image of the same name.
    const profile = await t.db.launchProfile.findFirstOrThrow({ where: { siteId } });
    expect(profile.amiId).toBe(await amiIn(world.aws, 'ap-southeast-2'));
    expect(profile.amiId).not.toBe(await amiIn(world.aws, 'us-east-1'));
    expect(await t.db.workstation.count({ where: { siteId } })).toBe(2);

    // Every transition is audited with its actor: the admin's requests, the worker's moves on their behalf.
    const audit = await t.db.auditLog.findMany({ where: { entityType: 'site', entityId: siteId, action: { startsWith: 'site.' } }, orderBy: { id: 'asc' } });
    const moves = audit.filter((a) => ['site.bring-up', 'site.fail', 'site.retry', 'site.activate'].includes(a.action)).map((a) => [a.action, a.actorLabel]);
    expect(moves).toEqual([
      ['site.bring-up', 'it@studio.example'],
      ['site.fail', 'system:bring-up (for it@studio.example)'],
      ['site.retry', 'it@studio.example'],
      ['site.activate', 'system:bring-up (for it@studio.example)'],
    ]);
    expect(JSON.stringify(audit.map((a) => ({ ...a, id: String(a.id) })))).not.toContain(sydney.password);

    const view = (await listSites(world.admin)).find((s) => s.id === siteId);
    expect(view).toMatchObject({ state: 'active', workflow: 'bring-up', city: 'Sydney', shares: ['projects'], workstationCount: 2 });
    expect(view?.actions).toMatchObject({ drain: true, bringUp: false, retry: false });
  });
});
