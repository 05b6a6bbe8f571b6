/**
 * An admin starts "drain, then stop". Refused, listing every blocker, while anything could lose a
 * frame (replication behind, a file only here, an artist still assigned here); a connected DCV session
 * only warns (the dialog shows it before the click). Terminating instead of stopping needs the site's
 * name typed. The site moves to draining and its checklist is planned and queued in one transaction.
 */
import { db } from '@/lib/db/client';
import { findLifecycleSite } from '@/lib/db/site-lifecycle';
import { resetRun } from '@/lib/db/site-steps';
import { actorLabel, requireRole, type Actor } from '@/lib/domain/auth/actor';
import { blockersText, isBlocking } from '@/lib/domain/sites/blockers';
import { planRun } from '@/lib/domain/sites/checklists';
import { nextState } from '@/lib/domain/sites/lifecycle';
import { confirmsSiteName, ZDrainOptions } from '@/lib/domain/sites/registration';
import { AppError } from '@/lib/errors';
import type { z } from 'zod';
import { parseInput } from '../hammerspace/parse-input';
import { checkDrain } from './check-drain';
import { requestSiteStep } from './request-site-step';
import { transitionSite } from './transition-site';

export async function startDrain(actor: Actor, raw: z.input<typeof ZDrainOptions>): Promise<{ siteId: string; state: string }> {
  requireRole(actor, 'admin');
  const input = parseInput(ZDrainOptions, raw);
  const site = await findLifecycleSite(input.siteId);
  if (!site) throw new AppError('NOT_FOUND', 'That site does not exist.');
  nextState(site, 'drain');
  if (input.terminate && !confirmsSiteName(site.name, input.confirm)) {
    throw new AppError('VALIDATION', `Type “${site.name}” to terminate its workstations.`, { fieldErrors: { confirm: [`Type “${site.name}” to confirm`] } });
  }
  const check = await checkDrain(actor, { siteId: site.id });
  if (isBlocking(check.blockers)) throw new AppError('CONFLICT', `${site.name} cannot be drained yet. ${blockersText(check.blockers)}`);
  const warnings = check.blockers.filter((b) => b.severity === 'warn').map((b) => b.message);

  return db().$transaction(async (tx) => {
    const fresh = await findLifecycleSite(site.id, tx);
    if (!fresh) throw new AppError('NOT_FOUND', 'That site does not exist.');
    const plan = planRun('drain', { 'stop-workstations': { terminate: input.terminate } }, { requestedBy: actorLabel(actor) });
    await resetRun(site.id, 'drain', plan, tx);
    const to = await transitionSite(tx, actor, fresh, 'drain', {
      summary: input.terminate ? 'drain, then stop; workstations will be terminated' : 'drain, then stop',
      data: { terminate: input.terminate, warnings, workstations: check.workstations },
    });
    await requestSiteStep(tx, site.id, 'drain started');
    return { siteId: site.id, state: to };
  });
}
