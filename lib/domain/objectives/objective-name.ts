import { z } from 'zod';

// Hammerspace documents no naming rule for objectives, so these rules are the intersection of
// what the research notes (hammerspace-api.md §1.3, §2.4, §4.2) show is safe:
// - every name seen uses letters, digits, `-`, `.` and `_` (`place-on-local-volumes`,
//   `Place-on-dsx11.df.hammer.space`, `durability-5-nines`);
// - names travel in URL paths (`/objectives/{identifier}`): a `%` once crashed Hammerspace's own
//   CSI client and `:` must be escaped, so anything outside that safe set is refused;
// - names are quoted inside `SLO('...')`, so quotes would break the expression;
// - the Anvil answers VALIDATION_VIOLATION for names over 80 characters;
// - deleted objectives are renamed `__z_objective...`, so a leading `_` could collide with them;
// - `{identifier}` accepts a name or a UUID, so a UUID-shaped name would be ambiguous.

export const MAX_OBJECTIVE_NAME_LENGTH = 80;

const SAFE_CHARACTERS = /^[A-Za-z0-9._-]+$/;
const STARTS_WELL = /^[A-Za-z0-9]/;
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TObjectiveNameCheck = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** Checks a name for an objective definition (and for the target of an `SLO('...')`). */
export function validateObjectiveName(name: string): TObjectiveNameCheck {
  const problem = firstProblem(name);
  return problem === undefined ? { ok: true } : { ok: false, message: problem };
}

function firstProblem(name: string): string | undefined {
  // Callers may hand over untyped form or JSON input; answer rather than throw on `.length`.
  if (typeof name !== 'string') return 'the name must be text';
  if (name.length === 0) return 'the name is empty';
  if (name.length > MAX_OBJECTIVE_NAME_LENGTH) {
    return `the name is ${name.length} characters long; the limit is ${MAX_OBJECTIVE_NAME_LENGTH}`;
  }
  if (name.trim() !== name) return 'the name starts or ends with a space';
  if (!SAFE_CHARACTERS.test(name)) {
    const bad = [...name].find((c) => !SAFE_CHARACTERS.test(c)) ?? '';
    const shown = bad.trim() === '' ? 'a space' : `"${bad}"`;
    return `the name contains ${shown}; use letters, digits, "-", "." and "_" only`;
  }
  if (name.startsWith('__z_')) return 'names starting with "__z_" are reserved for deleted objectives';
  if (!STARTS_WELL.test(name)) return 'the name must start with a letter or a digit';
  if (UUID_SHAPE.test(name)) return 'the name looks like a UUID, which the API would read as an id';
  return undefined;
}

/** Zod form of the same rules, for service and form validation. */
export const ZObjectiveName = z.string().superRefine((name, ctx) => {
  const problem = firstProblem(name);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});
export type TObjectiveName = z.infer<typeof ZObjectiveName>;
