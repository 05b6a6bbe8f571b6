/**
 * An admin brings a planned (or stopped) site up: the site moves to provisioning and its bring-up
 * checklist is planned (optionally launching N workstations at the end) and queued, in one transaction.
 * The worker then runs the steps one by one; the Regions page shows them as they go.
 */
import type { z } from 'zod';
import { db } from '@/lib/db/client';
import { findLifecycleSite } from '@/lib/db/site-lifecycle';
import { resetRun } from '@/lib/db/site-steps';
import { actorLabel, requireRole, type Actor } from '@/lib/domain/auth/actor';
import { planRun } from '@/lib/domain/sites/checklists';
import { nextState } from '@/lib/domain/sites/lifecycle';
import { ZBringUpOptions } from '@/lib/domain/sites/registration';
import { AppError } from '@/lib/errors';
import { parseInput } from '../hammerspace/parse-input';
import { requestSiteStep } from './request-site-step';
import { transitionSite } from './transition-site';

export async function startBringUp(actor: Actor, raw: z.input<typeof ZBringUpOptions>): Promise<{ siteId: string; state: string }> {
  requireRole(actor, 'admin');
  const input = parseInput(ZBringUpOptions, raw);
  return db().$transaction(async (tx) => {
    const site = await findLifecycleSite(input.siteId, tx);
    if (!site) throw new AppError('NOT_FOUND', 'That site does not exist.');
    nextState(site, 'bring-up');
    if (!site.anvilUrl || !site.anvilUsername || !site.anvilPasswordEnc) throw new AppError('CONFLICT', `${site.name} has no Anvil registered: give its URL and account first.`);
    const plan = planRun('bring-up', { 'launch-workstations': { count: input.workstations } }, { requestedBy: actorLabel(actor) });
    await resetRun(site.id, 'bring-up', plan, tx);
    const to = await transitionSite(tx, actor, site, 'bring-up', {
      summary: input.workstations ? `bring-up with ${input.workstations} workstation(s)` : 'bring-up',
      data: { workstations: input.workstations },
    });
    await requestSiteStep(tx, site.id, 'bring-up started');
    return { siteId: site.id, state: to };
  });
}
