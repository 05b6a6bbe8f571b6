/**
 * Whether a site may be drained now, and every reason it may not, each with a link to where it is
 * fixed. Read-only; start-drain asks the same question again before it moves anything.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { findLifecycleSite } from '@/lib/db/site-lifecycle';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { drainBlockers, isBlocking, type TBlocker } from '@/lib/domain/sites/blockers';
import { AppError } from '@/lib/errors';
import { parseInput } from '../hammerspace/parse-input';
import { observeDrainFacts } from './observe-drain-facts';

export const ZCheckDrain = z.object({ siteId: z.string().min(1) });

export type TDrainCheck = { siteId: string; site: string; state: string; canDrain: boolean; blockers: TBlocker[]; workstations: string[] };

export async function checkDrain(actor: Actor, raw: z.input<typeof ZCheckDrain>): Promise<TDrainCheck> {
  requireRole(actor, 'admin');
  const { siteId } = parseInput(ZCheckDrain, raw);
  const site = await findLifecycleSite(siteId);
  if (!site) throw new AppError('NOT_FOUND', 'That site does not exist.');
  const blockers: TBlocker[] = [];
  if (site.isHome) {
    blockers.push({ kind: 'anvil', severity: 'block', message: `${site.name} is the home site: it owns the timeline and the namespace. Make another site home before draining it.`, href: '/regions', linkLabel: 'Regions' });
  }
  blockers.push(...drainBlockers(await observeDrainFacts(site)));
  const workstations = await db().workstation.findMany({ where: { siteId, desiredState: { not: 'terminated' } }, select: { name: true }, orderBy: { name: 'asc' } });
  return { siteId, site: site.name, state: site.state, canDrain: site.state === 'active' && !isBlocking(blockers), blockers, workstations: workstations.map((w) => w.name) };
}
