/**
 * An admin retries a failed site: the workflow whose step failed resumes at that step (everything done
 * before it stays done), after the admin fixed what the failure said (an Anvil password, an AMI copy).
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { findLifecycleSite } from '@/lib/db/site-lifecycle';
import { listSteps, reopenSteps } from '@/lib/db/site-steps';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { failedStep, stepLabel } from '@/lib/domain/sites/checklists';
import type { TWorkflow } from '@/lib/domain/sites/lifecycle';
import { AppError } from '@/lib/errors';
import { parseInput } from '../hammerspace/parse-input';
import { requestSiteStep } from './request-site-step';
import { transitionSite } from './transition-site';

export const ZRetrySite = z.object({ siteId: z.string().min(1) });

export async function retrySite(actor: Actor, raw: z.input<typeof ZRetrySite>): Promise<{ siteId: string; state: string; step: string }> {
  requireRole(actor, 'admin');
  const { siteId } = parseInput(ZRetrySite, raw);
  return db().$transaction(async (tx) => {
    const site = await findLifecycleSite(siteId, tx);
    if (!site) throw new AppError('NOT_FOUND', 'That site does not exist.');
    const rows = await listSteps(siteId, undefined, tx);
    const failed = failedStep(rows);
    if (!failed) throw new AppError('CONFLICT', `${site.name} has no failed step to retry.`);
    const workflow = failed.workflow as TWorkflow;
    const activated = workflow === 'bring-up' && rows.some((r) => r.workflow === 'bring-up' && r.key === 'activate' && r.status === 'done');
    await reopenSteps(siteId, workflow, ['failed'], `Retried by ${actor.kind === 'user' ? actor.email : actor.label}`, tx);
    const label = stepLabel(workflow, failed.key);
    const to = await transitionSite(tx, actor, site, 'retry', { workflow, activated, summary: `retry from “${label}”`, data: { workflow, step: failed.key, previousError: failed.detail } });
    await requestSiteStep(tx, siteId, 'retry');
    return { siteId, state: to, step: failed.key };
  });
}
