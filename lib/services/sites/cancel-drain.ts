/**
 * An admin cancels a drain that has not finished: the site is active again and takes launches. Safe at
 * any point, since a drain does nothing irreversible before the site leaves its shares, and the last
 * two steps (leave, mark stopped) run back to back. Workstations a drain already stopped stay stopped.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { findLifecycleSite } from '@/lib/db/site-lifecycle';
import { listSteps, reopenSteps } from '@/lib/db/site-steps';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { AppError } from '@/lib/errors';
import { parseInput } from '../hammerspace/parse-input';
import { transitionSite } from './transition-site';

export const ZCancelDrain = z.object({ siteId: z.string().min(1) });

export async function cancelDrain(actor: Actor, raw: z.input<typeof ZCancelDrain>): Promise<{ siteId: string; state: string }> {
  requireRole(actor, 'admin');
  const { siteId } = parseInput(ZCancelDrain, raw);
  return db().$transaction(async (tx) => {
    const site = await findLifecycleSite(siteId, tx);
    if (!site) throw new AppError('NOT_FOUND', 'That site does not exist.');
    const left = (await listSteps(siteId, 'drain', tx)).find((r) => r.key === 'leave-shares');
    if (left?.status === 'done') throw new AppError('CONFLICT', `${site.name} has already left its shares; bring it up again instead.`);
    await reopenSteps(siteId, 'drain', ['pending', 'running'], 'Cancelled', tx);
    const to = await transitionSite(tx, actor, site, 'cancel-drain', { launchesAllowed: true, summary: 'drain cancelled; launches allowed again' });
    return { siteId, state: to };
  });
}
