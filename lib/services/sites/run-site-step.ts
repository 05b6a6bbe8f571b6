/**
 * Runs one step of a site's open checklist (the worker's `sites:run-step` job): take the site's lock,
 * pick the first step not done, run it, record the outcome, and queue the next run. A step that waits
 * (replication not yet at 0) queues itself a few seconds later; a transient failure (an Anvil or AWS
 * briefly unavailable) is thrown so graphile-worker retries it with backoff, and on its last attempt, or
 * for any other failure, the step and the site are marked failed with the reason, for an admin's retry.
 */
import { findLifecycleSite } from '@/lib/db/site-lifecycle';
import { claimStep, finishStep, listSteps, setStepDetail } from '@/lib/db/site-steps';
import { tryLockSite } from '@/lib/db/site-lock';
import { db } from '@/lib/db/client';
import { systemActor } from '@/lib/domain/auth/actor';
import { nextStep, stepLabel } from '@/lib/domain/sites/checklists';
import { canApply, failureReason, runningWorkflow, type TWorkflow } from '@/lib/domain/sites/lifecycle';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { errorText } from '../hammerspace/anvil-for-site';
import { publishChange } from '../live/publish-change';
import { BRING_UP_HANDLERS } from './run-bring-up-step';
import { DRAIN_HANDLERS } from './run-drain-step';
import { requestSiteStep } from './request-site-step';
import { param, type TStepHandler } from './step-types';
import { transitionSite } from './transition-site';

export type TRunOutcome = { outcome: 'busy' | 'idle' | 'done' | 'waiting' | 'failed' | 'retrying'; step?: string; detail?: string };
export type TAttempt = { attempt: number; maxAttempts: number };

const HANDLERS: Record<TWorkflow, Record<string, TStepHandler>> = { 'bring-up': BRING_UP_HANDLERS, drain: DRAIN_HANDLERS };

const isTransient = (err: unknown) => err instanceof AppError && (err.code === 'UNAVAILABLE' || err.code === 'TIMEOUT' || err.code === 'RATE_LIMITED');

/** The workflow a site's runner works on now, from its state and its bring-up rows. */
async function openWorkflow(site: { id: string; state: string }): Promise<TWorkflow | null> {
  const running = runningWorkflow(site.state as never);
  if (running) return running;
  // The last bring-up step runs once the site is open (launches need an active site).
  if (site.state === 'active') {
    const rows = await listSteps(site.id, 'bring-up');
    if (rows.some((r) => r.status === 'pending' || r.status === 'running')) return 'bring-up';
  }
  return null;
}

export async function runSiteStep(input: { siteId: string }, attempt: TAttempt = { attempt: 1, maxAttempts: 1 }): Promise<TRunOutcome> {
  const lock = await tryLockSite(input.siteId);
  if (!lock) return { outcome: 'busy' };
  try {
    const site = await findLifecycleSite(input.siteId);
    if (!site) return { outcome: 'idle' };
    const workflow = await openWorkflow(site);
    if (!workflow) return { outcome: 'idle' };
    const rows = await listSteps(site.id, workflow);
    const step = nextStep(rows);
    if (!step || step.status === 'failed') return { outcome: 'idle', step: step?.key };
    const handler = HANDLERS[workflow][step.key];
    if (!handler) throw new Error(`no handler for ${workflow} step ${step.key}`);
    const now = new Date();
    if (!(await claimStep(step, now))) return { outcome: 'busy' };
    const actor = systemActor(`${workflow} (for ${param(step, 'requestedBy', 'the studio')})`);
    const label = stepLabel(workflow, step.key);

    let result;
    try {
      result = await handler({ site, step, actor, now });
    } catch (err) {
      const message = errorText(err);
      if (isTransient(err) && attempt.attempt < attempt.maxAttempts) {
        await db().$transaction(async (tx) => {
          await setStepDetail(step.id, `Retrying (try ${attempt.attempt} of ${attempt.maxAttempts}): ${message}`, tx);
          await publishChange(tx, { topic: 'sites', id: site.id });
        });
        logger.warn({ siteId: site.id, step: step.key, attempt: attempt.attempt }, 'site step: transient failure, retrying');
        throw err;
      }
      if (!(err instanceof AppError)) logger.error({ err, siteId: site.id, step: step.key }, 'site step failed unexpectedly');
      await db().$transaction(async (tx) => {
        if (!(await finishStep(step.id, 'failed', message, new Date(), tx))) return;
        // A site force-stopped while the step ran is not failed on top of that.
        const fresh = await findLifecycleSite(site.id, tx);
        if (fresh && canApply(fresh.state, 'fail')) {
          await transitionSite(tx, actor, fresh, 'fail', { failureReason: failureReason(label, message), summary: `${label} failed`, data: { workflow, step: step.key } });
        }
      });
      return { outcome: 'failed', step: step.key, detail: message };
    }

    if (result.status === 'wait') {
      const { detail, retryInMs } = result;
      await db().$transaction(async (tx) => {
        await setStepDetail(step.id, detail, tx);
        await requestSiteStep(tx, site.id, `wait ${step.key}`, new Date(Date.now() + retryInMs));
        await publishChange(tx, { topic: 'sites', id: site.id });
      });
      return { outcome: 'waiting', step: step.key, detail };
    }
    const { detail, commit } = result;
    const recorded = await db().$transaction(async (tx) => {
      // The step was abandoned meanwhile (a forced stop): its effect is not recorded as done.
      if (!(await finishStep(step.id, 'done', detail, new Date(), tx))) return false;
      await commit?.(tx);
      if (rows.some((r) => r.position > step.position)) await requestSiteStep(tx, site.id, `after ${step.key}`);
      await publishChange(tx, { topic: 'sites', id: site.id });
      return true;
    });
    return recorded ? { outcome: 'done', step: step.key, detail } : { outcome: 'idle', step: step.key };
  } finally {
    await lock.release();
  }
}

/** Runs steps until the checklist stops moving (done, waiting, failed): for tests and scripts, not the worker. */
export async function runSiteSteps(input: { siteId: string }, max = 50): Promise<TRunOutcome[]> {
  const out: TRunOutcome[] = [];
  for (let i = 0; i < max; i++) {
    const r = await runSiteStep(input);
    out.push(r);
    if (r.outcome !== 'done') break;
  }
  return out;
}
