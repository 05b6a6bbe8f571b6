/**
 * Compares the entry points found in the code with the matrix, as sentences a developer can act on.
 * Used by tests/security/authz-matrix.test.ts (statically) and e2e/authz.spec.ts (with the build).
 */
import type { EntryPoint } from './entry-points';
import { ACTIONS, PAGES, ROUTES, type Access, type Row } from './matrix';

export type Tables = { pages: Record<string, Row>; routes: Record<string, Row>; actions: Record<string, Row> };
export const MATRIX: Tables = { pages: PAGES, routes: ROUTES, actions: ACTIONS };
const WHERE = 'e2e/authz/matrix.ts';

function tableFor(e: EntryPoint, t: Tables): [Record<string, Row>, string] | null {
  if (e.kind === 'page') return [t.pages, 'PAGES'];
  if (e.kind === 'route') return [t.routes, 'ROUTES'];
  if (e.kind === 'action') return [t.actions, 'ACTIONS'];
  return null;
}

export function describeAccess(a: Access): string {
  return typeof a === 'string' ? a : `[${[...a].sort().join(', ')}]`;
}

export function matrixProblems(entries: EntryPoint[], t: Tables = MATRIX): string[] {
  const problems: string[] = [];
  const seen = { PAGES: new Set<string>(), ROUTES: new Set<string>(), ACTIONS: new Set<string>() };
  for (const e of entries) {
    if (e.kind === 'inline-action') {
      problems.push(`${e.file} defines a server action inline ('use server' inside a function): move it into an actions file, wrapped with action([roles], schema, fn) from lib/auth/guards.ts, and give it a row in ${WHERE}`);
      continue;
    }
    const [table, name] = tableFor(e, t)!;
    seen[name as keyof typeof seen].add(e.key);
    const row = table[e.key];
    if (!row) {
      problems.push(`${e.kind} "${e.key}" (${e.file}) has no row: add  '${e.key}': { access: ... }  to ${name} in ${WHERE}`);
      continue;
    }
    if (e.guard.kind === 'roles') {
      const code = e.guard.roles.length === 0 ? 'signed-in' : describeAccess(e.guard.roles as Access);
      if (describeAccess(row.access) !== code) problems.push(`${e.kind} "${e.key}": the matrix says ${describeAccess(row.access)} but its guard in ${e.file} says ${code}`);
    } else if (row.access !== 'public' && row.access !== 'signed-in') {
      problems.push(`${e.kind} "${e.key}" (${e.file}) has no requirePage/route/action role guard, yet the matrix restricts it to ${describeAccess(row.access)}: guard it in code`);
    }
    if ((e.guard.kind === 'none' || row.access === 'public') && !row.note) {
      problems.push(`${e.kind} "${e.key}" is ${row.access === 'public' ? 'public' : 'checked by hand'}: say why in its row's note (${WHERE})`);
    }
  }
  for (const [name, table] of [['PAGES', t.pages], ['ROUTES', t.routes], ['ACTIONS', t.actions]] as const) {
    for (const key of Object.keys(table)) if (!seen[name].has(key)) problems.push(`${name} row "${key}" matches no entry point in the code: remove it from ${WHERE}`);
  }
  return problems;
}
