/**
 * Creates an objective in the studio (not yet on any Anvil: applying it does that). The expression must
 * pass our parser and the home Anvil's validation; an unreachable home Anvil does not block the save
 * (the reconciler validates again at every site it applies to) but is reported back as a warning.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { findHomeSite } from '@/lib/db/anvil-sites';
import { createObjectiveRow, findObjectiveByName } from '@/lib/db/objectives';
import { actorId, requireRole, type Actor } from '@/lib/domain/auth/actor';
import { MAX_EXPRESSION_LENGTH, ZObjectiveName } from '@/lib/domain/objectives';
import { AppError } from '@/lib/errors';
import { audit } from '@/lib/services/audit';
import { parseInput } from '@/lib/services/hammerspace/parse-input';
import { publishChange } from '@/lib/services/live/publish-change';
import { anvilChecks, parserCheck, refuseIfInvalid } from './expression-checks';

export const ZCreateObjective = z.object({
  name: ZObjectiveName,
  expression: z.string().trim().min(1, 'Write an expression.').max(MAX_EXPRESSION_LENGTH),
  description: z.string().trim().max(500).nullish().transform((v) => v || null),
});

export async function createObjective(actor: Actor, raw: z.input<typeof ZCreateObjective>, opts: { preset?: string; skipAnvilCheck?: boolean } = {}) {
  requireRole(actor, 'admin');
  const input = parseInput(ZCreateObjective, raw);
  const parser = parserCheck(input.expression);
  const home = opts.skipAnvilCheck || !parser.ok ? null : await findHomeSite();
  const anvils = home ? await anvilChecks(input.expression, [home]) : [];
  refuseIfInvalid(parser, anvils);
  const warnings = anvils.filter((a) => a.unavailable).map((a) => `Not checked by ${a.siteName}'s Anvil (${a.unavailable}); it will be checked when applied.`);

  return db().$transaction(async (tx) => {
    const existing = await findObjectiveByName(input.name, tx);
    if (existing) {
      const why = existing.deletedAt ? 'is still being removed from the Anvils; try again in a minute' : 'already exists';
      throw new AppError('CONFLICT', `An objective named ${input.name} ${why}.`, { fieldErrors: { name: [`${input.name} ${why}`] } });
    }
    const row = await createObjectiveRow({ name: input.name, expression: input.expression, description: input.description, preset: opts.preset ?? null, createdById: actorId(actor) }, tx);
    await audit(tx, actor, 'objective.create', { type: 'objective', id: row.id }, `Created objective ${row.name}`, { expression: row.expression, preset: row.preset });
    await publishChange(tx, { topic: 'objectives', id: row.id });
    return { id: row.id, name: row.name, warnings };
  });
}
