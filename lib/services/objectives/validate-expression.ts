/**
 * Validates an objective expression as the admin types: our parser first (line and column, instantly),
 * then, only when that passes, the Anvils' own validate endpoint (the home site's unless sites are
 * given), which also knows which SLO objectives exist there.
 */
import { z } from 'zod';
import { findHomeSite, listAnvilSites } from '@/lib/db/anvil-sites';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { MAX_EXPRESSION_LENGTH } from '@/lib/domain/objectives';
import { parseInput } from '@/lib/services/hammerspace/parse-input';
import { anvilChecks, parserCheck, type TAnvilCheck, type TParserCheck } from './expression-checks';

export const ZValidateExpression = z.object({
  expression: z.string().max(MAX_EXPRESSION_LENGTH),
  siteIds: z.array(z.string().min(1)).max(20).optional(),
});

export type TExpressionReport = { parser: TParserCheck; anvils: TAnvilCheck[] };

export async function validateExpression(actor: Actor, raw: z.input<typeof ZValidateExpression>): Promise<TExpressionReport> {
  requireRole(actor, 'admin');
  const input = parseInput(ZValidateExpression, raw);
  const parser = parserCheck(input.expression);
  if (!parser.ok) return { parser, anvils: [] };
  const sites = input.siteIds?.length
    ? (await listAnvilSites()).filter((s) => input.siteIds?.includes(s.id))
    : [await findHomeSite()].filter((s): s is NonNullable<typeof s> => Boolean(s));
  return { parser, anvils: await anvilChecks(input.expression, sites) };
}
