/**
 * The two checks every objective expression goes through: our own parser (instant, line and column),
 * then the Anvil's `/objectives/validate`, which also knows which SLO targets exist on that site.
 * Shared by the validate-as-you-type action and by create/update. Not a use case of its own.
 */
import type { TAnvilSiteRow } from '@/lib/db/anvil-sites';
import { listFnmatchPatterns, listSloObjectives, parseObjectiveExpression, type TFnmatchUse } from '@/lib/domain/objectives';
import { isAnvilDown } from '@/lib/adapters/hammerspace';
import { AppError } from '@/lib/errors';
import { anvilForSite, errorText, hasAnvil } from '@/lib/services/hammerspace/anvil-for-site';

export type TProblem = { line: number; column: number; message: string };
export type TParserCheck = { ok: boolean; errors: TProblem[]; fnmatch: TFnmatchUse[]; slo: string[] };
export type TAnvilCheck = { siteId: string; siteName: string; ok: boolean | null; errors: TProblem[]; unavailable: string | null };

export const describeProblem = (p: TProblem) => `line ${p.line}, column ${p.column}: ${p.message}`;

export function parserCheck(expression: string): TParserCheck {
  const parsed = parseObjectiveExpression(expression);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map(({ line, column, message }) => ({ line, column, message })), fnmatch: [], slo: [] };
  return { ok: true, errors: [], fnmatch: listFnmatchPatterns(parsed.ast), slo: listSloObjectives(parsed.ast) };
}

/** Each site's Anvil's verdict; an Anvil that does not answer gives no verdict (null), not a failure. */
export async function anvilChecks(expression: string, sites: TAnvilSiteRow[]): Promise<TAnvilCheck[]> {
  return Promise.all(
    sites.filter(hasAnvil).map(async (site): Promise<TAnvilCheck> => {
      const base = { siteId: site.id, siteName: site.name };
      try {
        const check = await anvilForSite(site, { timeoutMs: 5_000 }).validateExpression(expression);
        return { ...base, ok: check.ok, errors: check.errors, unavailable: null };
      } catch (err) {
        if (isAnvilDown(err)) return { ...base, ok: null, errors: [], unavailable: errorText(err) };
        throw err;
      }
    }),
  );
}

/** Throws VALIDATION with every problem as "line L, column C: message" under `expression`. */
export function refuseIfInvalid(parser: TParserCheck, anvils: TAnvilCheck[]): void {
  if (!parser.ok) {
    const messages = parser.errors.map(describeProblem);
    throw new AppError('VALIDATION', `The expression is not valid: ${messages[0]}`, { fieldErrors: { expression: messages } });
  }
  const refused = anvils.filter((a) => a.ok === false);
  if (refused.length) {
    const messages = refused.flatMap((a) => a.errors.map((p) => `${a.siteName}'s Anvil: ${describeProblem(p)}`));
    throw new AppError('VALIDATION', `The Anvil refused the expression: ${messages[0]}`, { fieldErrors: { expression: messages } });
  }
}
