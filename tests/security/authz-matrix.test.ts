import { describe, expect, it } from 'vitest';
import { matrixProblems, MATRIX } from '../../e2e/authz/check-matrix';
import { enumerateEntryPoints, routePath, type EntryPoint } from '../../e2e/authz/entry-points';

const entries = enumerateEntryPoints();

describe('the authorization matrix covers every entry point, as the code guards it', () => {
  it('finds pages, route handler methods and server actions in the code', () => {
    const kinds = new Set(entries.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['page', 'route', 'action']));
    expect(entries.map((e) => e.key)).toEqual(expect.arrayContaining(['/audit', 'GET /api/audit/export', 'POST /api/auth/[...nextauth]', 'app/sign-in/actions.ts#signInWithSso']));
  });

  it('has a row for each, agreeing with its guard, and no row for anything that does not exist', () => {
    // Each line names the entry point and the fix; see e2e/authz/matrix.ts.
    expect(matrixProblems(entries)).toEqual([]);
  });
});

describe('the matrix check itself', () => {
  const page = (key: string, roles: string[] | null): EntryPoint => ({ kind: 'page', key, file: `app${key}/page.tsx`, guard: roles ? { kind: 'roles', roles } : { kind: 'none' } });

  it('names a new entry point that has no row, and where to add it', () => {
    const problems = matrixProblems([...entries, page('/reports', ['admin'])]);
    expect(problems).toEqual([`page "/reports" (app/reports/page.tsx) has no row: add  '/reports': { access: ... }  to PAGES in e2e/authz/matrix.ts`]);
  });

  it('catches a row that grants more than the code (or the code more than the row)', () => {
    const widened = entries.map((e) => (e.key === '/audit' ? page('/audit', ['admin', 'producer']) : e));
    expect(matrixProblems(widened)).toEqual([`page "/audit": the matrix says [admin] but its guard in app/audit/page.tsx says [admin, producer]`]);
  });

  it('refuses an unguarded entry point that the matrix claims is restricted, and inline server actions', () => {
    const unguarded = entries.map((e) => (e.key === '/regions' ? page('/regions', null) : e));
    expect(matrixProblems(unguarded)[0]).toMatch(/"\/regions" .* has no requirePage\/route\/action role guard/);
    const inline = matrixProblems([...entries, { kind: 'inline-action', key: 'components/x.tsx#inline', file: 'components/x.tsx' }]);
    expect(inline[0]).toMatch(/components\/x.tsx defines a server action inline/);
  });

  it('reports stale rows', () => {
    expect(matrixProblems(entries.filter((e) => e.key !== '/replication'))).toEqual(['PAGES row "/replication" matches no entry point in the code: remove it from e2e/authz/matrix.ts']);
  });

  it('turns files into routes the way Next does (route groups and slots vanish)', () => {
    expect(routePath('app/(console)/shots/[shotId]/page.tsx')).toBe('/shots/[shotId]');
    expect(routePath('app/page.tsx')).toBe('/');
    expect(routePath('app/(console)/@modal/x/page.tsx')).toBe('/x');
    expect(Object.keys(MATRIX.pages)).toContain('/');
  });
});
