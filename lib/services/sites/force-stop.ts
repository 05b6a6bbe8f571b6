/**
 * The emergency stop: the site is marked stopped at once, skipping every safety wait, and its
 * workstations are asked to stop (so they stop costing money). It does not leave the shares, since
 * that needs the site's own Anvil, which in an emergency may not answer. It needs the site's name
 * typed, and the audit row records that the admin acknowledged the risk of losing data, with the
 * blockers that stood at that moment, as far as they could be read within a few seconds.
 */
import type { z } from 'zod';
import { db } from '@/lib/db/client';
import { findLifecycleSite } from '@/lib/db/site-lifecycle';
import { abandonSteps } from '@/lib/db/site-steps';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { drainBlockers } from '@/lib/domain/sites/blockers';
import { nextState, runningWorkflow } from '@/lib/domain/sites/lifecycle';
import { confirmsSiteName, ZForceStop } from '@/lib/domain/sites/registration';
import { AppError } from '@/lib/errors';
import { errorText } from '../hammerspace/anvil-for-site';
import { parseInput } from '../hammerspace/parse-input';
import { stopWorkstations } from '../workstations/stop-workstations';
import { observeDrainFacts } from './observe-drain-facts';
import { transitionSite } from './transition-site';

const BLOCKER_READ_MS = 6_000;

async function blockersNow(site: NonNullable<Awaited<ReturnType<typeof findLifecycleSite>>>): Promise<string[]> {
  const timeout = new Promise<string[]>((resolve) => setTimeout(() => resolve(['(blockers could not be read in time)']), BLOCKER_READ_MS));
  const read = observeDrainFacts(site).then((f) => drainBlockers(f).map((b) => b.message)).catch((err: unknown) => [`(blockers could not be read: ${errorText(err)})`]);
  return Promise.race([read, timeout]);
}

export async function forceStopSite(actor: Actor, raw: z.input<typeof ZForceStop>): Promise<{ siteId: string; state: string; workstationsStopping: number }> {
  requireRole(actor, 'admin');
  const input = parseInput(ZForceStop, raw);
  const site = await findLifecycleSite(input.siteId);
  if (!site) throw new AppError('NOT_FOUND', 'That site does not exist.');
  nextState(site, 'force-stop');
  // The home site owns the timeline and the namespace every other site joined through.
  if (site.isHome) throw new AppError('CONFLICT', `${site.name} is the home site: make another site home before stopping it.`);
  if (!confirmsSiteName(site.name, input.confirm)) {
    throw new AppError('VALIDATION', `Type “${site.name}” to force-stop it.`, { fieldErrors: { confirm: [`Type “${site.name}” to confirm`] } });
  }
  const blockers = await blockersNow(site);
  const result = await db().$transaction(async (tx) => {
    const fresh = await findLifecycleSite(site.id, tx);
    if (!fresh) throw new AppError('NOT_FOUND', 'That site does not exist.');
    const workflow = runningWorkflow(fresh.state) ?? (fresh.state === 'active' ? 'bring-up' : null);
    if (workflow) await abandonSteps(site.id, workflow, `Not run: force-stopped by ${actor.kind === 'user' ? actor.email : actor.label}`, new Date(), tx);
    const to = await transitionSite(tx, actor, fresh, 'force-stop', {
      launchesAllowed: false,
      summary: `forced stop; data-loss risk acknowledged${input.reason ? `: ${input.reason}` : ''}`,
      data: { acknowledgedDataLossRisk: true, typedConfirmation: input.confirm.trim(), reason: input.reason ?? null, blockersAtStop: blockers },
    });
    return { siteId: site.id, state: to };
  });
  const running = await db().workstation.findMany({ where: { siteId: site.id, desiredState: 'running', lost: false }, select: { id: true } });
  if (running.length) await stopWorkstations(actor, { ids: running.map((r) => r.id) });
  return { ...result, workstationsStopping: running.length };
}
