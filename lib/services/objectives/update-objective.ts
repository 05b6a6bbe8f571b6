/**
 * Edits an objective's expression or description. The name stays: it is the objective's identity on
 * every Anvil. A new expression sends every application back to pending and asks the reconciler to
 * update the definition at each site now.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { findHomeSite } from '@/lib/db/anvil-sites';
import { findObjective, resetApplicationsToPending, siteIdsOfObjective, updateObjectiveRow } from '@/lib/db/objectives';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { MAX_EXPRESSION_LENGTH } from '@/lib/domain/objectives';
import { AppError } from '@/lib/errors';
import { audit } from '@/lib/services/audit';
import { parseInput } from '@/lib/services/hammerspace/parse-input';
import { publishChange } from '@/lib/services/live/publish-change';
import { anvilChecks, parserCheck, refuseIfInvalid } from './expression-checks';
import { requestObjectivesReconcile } from './request-reconcile';

export const ZUpdateObjective = z.object({
  id: z.string().min(1),
  expression: z.string().trim().min(1, 'Write an expression.').max(MAX_EXPRESSION_LENGTH),
  description: z.string().trim().max(500).nullish().transform((v) => v || null),
});

export async function updateObjective(actor: Actor, raw: z.input<typeof ZUpdateObjective>) {
  requireRole(actor, 'admin');
  const input = parseInput(ZUpdateObjective, raw);
  const current = await findObjective(input.id);
  if (!current || current.deletedAt) throw new AppError('NOT_FOUND', 'That objective no longer exists.');
  const changed = current.expression.trim() !== input.expression.trim();
  const parser = parserCheck(input.expression);
  const home = changed && parser.ok ? await findHomeSite() : null;
  refuseIfInvalid(parser, home ? await anvilChecks(input.expression, [home]) : []);

  return db().$transaction(async (tx) => {
    await updateObjectiveRow(input.id, { expression: input.expression, description: input.description }, tx);
    if (changed) {
      await resetApplicationsToPending(input.id, tx);
      await requestObjectivesReconcile(tx, (await siteIdsOfObjective(input.id, tx)).map((r) => r.siteId), 'objective edited');
    }
    await audit(tx, actor, 'objective.update', { type: 'objective', id: input.id }, `Edited objective ${current.name}`, {
      before: { expression: current.expression, description: current.description },
      after: { expression: input.expression, description: input.description },
    });
    await publishChange(tx, { topic: 'objectives', id: input.id });
    return { id: input.id, expressionChanged: changed };
  });
}
