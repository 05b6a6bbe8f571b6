import { describe, expect, it } from 'vitest';
import { remoteAddress } from '@/lib/domain/sites/bring-up-plan';
import { registerSite } from '@/lib/services/sites/register-site';
import { runSiteSteps } from '@/lib/services/sites/run-site-step';
import { startBringUp } from '@/lib/services/sites/start-bring-up';
import { anvilOf, describeAnvil, hsControl, setupSitesWorld } from './support';

// A worker killed while following the home Anvil's "add participant" task leaves that task running there.
// The next attempt's add is refused ("being added already exists"): the step waits for the task to end
// instead of failing the bring-up, and Sydney joins once. (Found by tests/drills/worker-killed-bring-up.)
const { t, world } = setupSitesWorld({ taskStepMs: 400 });

describe('resuming a bring-up', () => {
  it('waits for a participant add an earlier attempt left running, and joins once', { timeout: 60_000 }, async () => {
    const sydney = describeAnvil(world, 'ap-southeast-2');
    const { siteId } = await registerSite(world.admin, { name: 'Sydney', region: 'ap-southeast-2', anvilUrl: sydney.url, anvilUsername: 'admin', anvilPassword: sydney.password });
    await startBringUp(world.admin, { siteId });

    // What the killed attempt had done at the home Anvil: Sydney a remote site, its add task under way.
    const home = anvilOf(world, 'us-east-1');
    await home.addRemoteSite({ address: remoteAddress(sydney.url), username: 'admin', password: sydney.password, trustClientCert: true });
    const earlier = home.addParticipant({ share: 'projects', site: 'Sydney', username: 'admin', password: sydney.password });
    await new Promise((r) => setTimeout(r, 100));

    const steps = await runSiteSteps({ siteId });
    await earlier;
    expect(steps.find((s) => s.step === 'join-shares')?.outcome).toBe('done');
    expect(steps.at(-1)?.outcome).toBe('idle');
    expect((await t.db.site.findUniqueOrThrow({ where: { id: siteId } })).state).toBe('active');
    expect((await home.getShare('projects')).participants.filter((p) => p.name === 'Sydney')).toHaveLength(1);
    const log = await hsControl<Array<{ kind: string; site?: string }>>(world, 'GET', '/log');
    expect(log.filter((i) => i.kind === 'participant-added' && i.site === 'ap-southeast-2')).toHaveLength(1);
  });
});
