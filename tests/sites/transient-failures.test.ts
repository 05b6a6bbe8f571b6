import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { registerSite } from '@/lib/services/sites/register-site';
import { runSiteStep, runSiteSteps } from '@/lib/services/sites/run-site-step';
import { startBringUp } from '@/lib/services/sites/start-bring-up';
import { listSites } from '@/lib/services/sites/list-sites';
import { describeAnvil, hsControl, setupSitesWorld } from './support';

// An Anvil that does not answer is a transient failure: the step says it is retrying and the job is
// thrown back to graphile-worker for a later attempt, until the last attempt, when the step and the
// site fail with the reason. Meanwhile the Regions view shows it, and nothing after the step has run.
const { t, world } = setupSitesWorld();

describe('transient failures during a bring-up', () => {
  it('retries while Sydney’s Anvil is down, fails on the last attempt, and reads as failed with the reason', { timeout: 60_000 }, async () => {
    const sydney = describeAnvil(world, 'ap-southeast-2');
    const { siteId } = await registerSite(world.admin, { name: 'Sydney', region: 'ap-southeast-2', anvilUrl: sydney.url, anvilUsername: 'admin', anvilPassword: sydney.password });
    await startBringUp(world.admin, { siteId });
    await hsControl(world, 'POST', '/sites/ap-southeast-2/down');
    try {
      expect(await runSiteStep({ siteId })).toMatchObject({ outcome: 'done', step: 'register' });
      const first = await runSiteStep({ siteId }, { attempt: 1, maxAttempts: 3 }).catch((e: unknown) => e);
      expect(first).toBeInstanceOf(AppError);
      expect((first as AppError).code).toBe('UNAVAILABLE');
      const step = await t.db.siteStep.findFirstOrThrow({ where: { siteId, key: 'check-anvil' } });
      expect(step.status).toBe('running');
      expect(step.detail).toMatch(/^Retrying \(try 1 of 3\): Sydney's Anvil does not answer/);
      expect((await t.db.site.findUniqueOrThrow({ where: { id: siteId } })).state).toBe('provisioning');
      expect((await t.db.site.findUniqueOrThrow({ where: { id: siteId } })).anvilHealthy).toBe(false);

      const last = await runSiteStep({ siteId }, { attempt: 3, maxAttempts: 3 });
      expect(last).toMatchObject({ outcome: 'failed', step: 'check-anvil' });
      const site = await t.db.site.findUniqueOrThrow({ where: { id: siteId } });
      expect(site.state).toBe('failed');
      expect(site.failureReason).toMatch(/^Check the Anvil answers: Sydney's Anvil does not answer/);
      const view = (await listSites(world.admin)).find((s) => s.id === siteId)!;
      expect(view.actions.retry).toBe(true);
      expect(view.steps.map((s) => s.status)).toEqual(['done', 'failed', 'pending', 'pending', 'pending', 'pending', 'pending', 'pending']);
      expect(await t.db.siteStep.findFirstOrThrow({ where: { siteId, key: 'check-anvil' } })).toMatchObject({ attempts: 2 });
      // A failed site's runner does nothing until someone retries.
      expect((await runSiteSteps({ siteId })).map((r) => r.outcome)).toEqual(['idle']);
    } finally {
      await hsControl(world, 'POST', '/sites/ap-southeast-2/up');
    }
  });
});
