/**
 * Deletes an objective: it is unset from every share path and its definition removed from every Anvil
 * by the reconciler; the row goes once nothing is left (until then the list shows it as being removed).
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { findObjective, markObjectiveDeleted, purgeRemovedObjectives } from '@/lib/db/objectives';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { AppError } from '@/lib/errors';
import { audit } from '@/lib/services/audit';
import { parseInput } from '@/lib/services/hammerspace/parse-input';
import { publishChange } from '@/lib/services/live/publish-change';
import { requestObjectivesReconcile } from './request-reconcile';

export const ZDeleteObjective = z.object({ id: z.string().min(1) });

export async function deleteObjective(actor: Actor, raw: z.input<typeof ZDeleteObjective>, now = new Date()) {
  requireRole(actor, 'admin');
  const { id } = parseInput(ZDeleteObjective, raw);
  return db().$transaction(async (tx) => {
    const objective = await findObjective(id, tx);
    if (!objective || objective.deletedAt) throw new AppError('NOT_FOUND', 'That objective no longer exists.');
    await markObjectiveDeleted(id, now, tx);
    const sites = [...new Set(objective.applications.map((a) => a.site.id))];
    await requestObjectivesReconcile(tx, sites, 'objective deleted');
    // Never applied anywhere: nothing to remove from an Anvil, so it goes at once.
    await purgeRemovedObjectives(tx);
    await audit(tx, actor, 'objective.delete', { type: 'objective', id }, `Deleted objective ${objective.name}`, {
      expression: objective.expression,
      removeFrom: objective.applications.map((a) => ({ site: a.site.name, share: a.share.name, path: a.path })),
    });
    await publishChange(tx, { topic: 'objectives', id });
    return { id, removingFrom: sites.length };
  });
}
