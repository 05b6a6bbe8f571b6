import { describe, expect, it } from 'vitest';
import { registerSite } from '@/lib/services/sites/register-site';
import { startBringUp } from '@/lib/services/sites/start-bring-up';
import { FAST_LIVENESS, jobsHeldByOthers, killWorker, startWorker } from '../helpers/worker-process';
import { expectInvariants } from './support/invariants';
import { anvilOf, describeAnvil, hsControl, setupSitesWorld, sleep } from '../sites/support';

// The crash drill: Sydney is brought up by a real worker process that is SIGKILLed at random moments
// and restarted. Afterwards Sydney is active, and there is exactly one of everything: one remote site
// at the home Anvil, one participant in projects, one objective definition and application, one set of
// profiles, and as many instances as asked for, counted through the simulators' own control APIs.
// What makes it hold: each step reads before it acts, an Anvil refuses a second participant of the same
// site (and the step then reads again), launches are rows with ClientTokens, and a step's "done" commits
// with its effect; the per-site advisory lock dies with the killed worker's connection.
const { t, world } = setupSitesWorld({ taskStepMs: 400, linkDelayMs: 150 });
const KILLS = 4;
const WORKSTATIONS = 2;

const worker = () => startWorker({ databaseUrl: t.url, reconcileIntervalSeconds: 5, extra: FAST_LIVENESS });

async function stepsOf(siteId: string) {
  return (await t.db.siteStep.findMany({ where: { siteId, workflow: 'bring-up' }, orderBy: { position: 'asc' } })).map((s) => `${s.key}:${s.status}`);
}

describe('crash drill', () => {
  it('survives SIGKILLs during a bring-up: Sydney active, nothing duplicated', { timeout: 200_000 }, async () => {
    const objective = await t.db.objective.create({ data: { name: 'clips-local-everywhere', expression: `IF FNMATCH("*.clip",PATH) THEN {SLO('place-on-local-volumes')}` } });
    for (const siteId of Object.values(world.sites)) await t.db.objectiveApplication.create({ data: { objectiveId: objective.id, shareId: world.shareId, siteId, state: 'applied' } });
    const sydney = describeAnvil(world, 'ap-southeast-2');
    const { siteId } = await registerSite(world.admin, { name: 'Sydney', region: 'ap-southeast-2', anvilUrl: sydney.url, anvilUsername: 'admin', anvilPassword: sydney.password });
    await startBringUp(world.admin, { siteId, workstations: WORKSTATIONS });

    // Each kill lands just after the worker has moved the bring-up on (a step changed), a random moment
    // later: on a busy machine a fixed delay after start-up can miss the work entirely, or all of it.
    // The moment is short (most steps take a few ms): a longer one let one worker finish the checklist.
    const atKill: string[][] = [];
    for (let k = 0; k < KILLS; k++) {
      const before = (await stepsOf(siteId)).join(' ');
      const w = worker();
      await w.ready;
      const moved = Date.now() + 20_000;
      while ((await stepsOf(siteId)).join(' ') === before && Date.now() < moved) await sleep(50);
      await sleep(Math.floor(Math.random() * 150));
      await killWorker(w);
      atKill.push(await stepsOf(siteId));
    }
    const survivor = worker();
    await survivor.ready;
    // Generous: on a loaded machine (other suites running) worker start-up alone takes seconds.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const site = await t.db.site.findUniqueOrThrow({ where: { id: siteId } });
      const running = await t.db.workstation.count({ where: { siteId, observedState: 'running' } });
      const steps = await stepsOf(siteId);
      if (site.state === 'active' && steps.every((s) => s.endsWith(':done')) && running === WORKSTATIONS) break;
      if (site.state === 'failed') throw new Error(`bring-up failed: ${site.failureReason}`);
      if (Date.now() > deadline) throw new Error(`not done in time: ${site.state}, ${running} running, ${steps.join(' ')}; at each kill: ${JSON.stringify(atKill)}`);
      await sleep(250);
    }
    // The jobs the killed processes held come back within seconds (their beats stopped), not after 4 hours.
    expect(await jobsHeldByOthers(t.db, survivor)).toEqual([]);
    survivor.child.kill('SIGTERM');
    await survivor.exited;

    // The kills landed while the bring-up was under way, not after it.
    expect(atKill.filter((steps) => steps.some((s) => !s.endsWith(':done'))).length).toBeGreaterThanOrEqual(2);

    const home = anvilOf(world, 'us-east-1');
    const syd = anvilOf(world, 'ap-southeast-2');
    expect((await home.listSites()).filter((s) => s.name === 'Sydney')).toHaveLength(1);
    expect((await syd.listSites()).filter((s) => s.name === 'Studio East')).toHaveLength(1);
    expect((await home.getShare('projects')).participants.filter((p) => p.name === 'Sydney')).toHaveLength(1);
    const sydParticipants = (await syd.getShare('projects')).participants.map((p) => p.name);
    expect(new Set(sydParticipants).size).toBe(sydParticipants.length);
    expect((await syd.listObjectives()).filter((o) => o.name === 'clips-local-everywhere')).toHaveLength(1);
    expect((await syd.pathObjectives('projects', '/')).local.map((a) => a.objective)).toEqual(['clips-local-everywhere']);

    const log = await hsControl<Array<{ kind: string; site?: string }>>(world, 'GET', '/log');
    expect(log.filter((i) => i.kind === 'participant-added' && i.site === 'ap-southeast-2')).toHaveLength(1);

    expect(await t.db.siteStep.count({ where: { siteId } })).toBe(8);
    expect(await t.db.shareParticipant.count({ where: { siteId } })).toBe(1);
    expect(await t.db.objectiveApplication.count({ where: { siteId } })).toBe(1);
    expect(await t.db.launchProfile.count({ where: { siteId } })).toBe(1);
    expect(await t.db.workstation.count({ where: { siteId } })).toBe(WORKSTATIONS);
    const instances = await world.awsControl.get<{ count: number; instances: Array<{ clientToken: string; state: string }> }>('instances?region=ap-southeast-2');
    const live = instances.instances.filter((i) => i.state !== 'terminated');
    expect(live).toHaveLength(WORKSTATIONS);
    expect(new Set(live.map((i) => i.clientToken)).size).toBe(WORKSTATIONS);
    expect(await t.db.auditLog.count({ where: { entityId: siteId, action: 'site.activate' } })).toBe(1);
    const invariants = await expectInvariants(t.db, world.awsControl, { chains: true, anvilSites: [siteId] });
    console.log(JSON.stringify({ stepsAtEachKill: atKill, invariants }));
  });
});
