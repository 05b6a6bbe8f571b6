/**
 * The authorization matrix, over HTTP: every page, route handler and server action, as anonymous, an
 * artist, a producer and an admin, against the expected table in e2e/authz/matrix.ts. A denial must come
 * from the server (403, 401, the sign-in redirect, or the action's FORBIDDEN/UNAUTHENTICATED); an
 * allowed call must get past the role check (a 404 for a made-up id, or VALIDATION for a junk argument).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { mapWithConcurrency } from '../lib/utils/concurrency';
import { routePath } from './authz/entry-points';
import { ACTIONS, allows, PAGES, ROLES_UNDER_TEST, ROUTES, type Row, type Who } from './authz/matrix';
import { builtActions, callAction, probe, sessionCookie, type Verdict } from './authz/http-probe';

const SIGN_IN: Record<Exclude<Who, 'anonymous'>, string> = { artist: 'ana@studio.example', producer: 'producer@studio.example', admin: 'admin@studio.example' };
const cookies: Partial<Record<Who, string | null>> = { anonymous: null };
let base = '';

test.beforeAll(async ({ baseURL }) => {
  base = baseURL!;
  for (const [who, email] of Object.entries(SIGN_IN)) cookies[who as Who] = await sessionCookie(base, email);
});

type Case = { label: string; row: Row; run: (cookie: string | null) => Promise<Verdict> };

async function mismatches(cases: Case[]): Promise<string[]> {
  const jobs = ROLES_UNDER_TEST.flatMap((who) => cases.map((c) => ({ who, c })));
  const results = await mapWithConcurrency(jobs, 4, async ({ who, c }) => {
    const verdict = await c.run(cookies[who] ?? null);
    const expected = allows(c.row.access, who) ? 'allowed' : 'denied';
    return verdict.outcome === expected ? null : `${who}: ${c.label} should be ${expected}, was ${verdict.outcome} (${verdict.detail})`;
  });
  return results.filter((r): r is string => r !== null);
}

test('every page and route handler in the build has a row in the matrix', () => {
  const built = Object.keys(JSON.parse(readFileSync('.next/server/app-paths-manifest.json', 'utf8')) as Record<string, string>).filter((k) => !k.startsWith('/_'));
  const routed = new Set(Object.keys(ROUTES).map((k) => k.split(' ')[1]));
  const missing = built.filter((k) => (k.endsWith('/route') ? !routed.has(routePath(`app${k}`)) : !PAGES[routePath(`app${k}`)]));
  expect(missing, 'add these to e2e/authz/matrix.ts').toEqual([]);
});

test('every server action in the build has a row in the matrix', () => {
  const missing = [...builtActions().keys()].filter((key) => !ACTIONS[key]);
  expect(missing, 'add these to ACTIONS in e2e/authz/matrix.ts (an inline action shows as $$RSC_SERVER_ACTION: move it to an actions file)').toEqual([]);
});

test('pages answer each role as the matrix says', async () => {
  const cases = Object.entries(PAGES).map(([key, row]) => ({ label: `page ${key}`, row, run: (cookie: string | null) => probe(base, 'GET', row.sample ?? key, cookie) }));
  expect(await mismatches(cases)).toEqual([]);
});

test('route handlers answer each role as the matrix says', async () => {
  const cases = Object.entries(ROUTES).map(([key, row]) => {
    const [method, path] = key.split(' ') as [string, string];
    return { label: `route ${key}`, row, run: (cookie: string | null) => probe(base, method, row.sample ?? path, cookie) };
  });
  expect(await mismatches(cases)).toEqual([]);
});

test('server actions answer each role as the matrix says, called over HTTP by their action id', async () => {
  const built = builtActions();
  const cases: Case[] = [];
  for (const [key, row] of Object.entries(ACTIONS)) {
    const action = built.get(key);
    // Public actions (sign in, sign out) have nothing to deny; an action no page imports is not
    // reachable over HTTP at all (the static test in tests/security still checks its guard).
    if (row.access === 'public' || !action) continue;
    const host = action.hosts.map((h) => routePath(`${h}.tsx`)).map((p) => PAGES[p]?.sample ?? p)[0]!;
    cases.push({ label: `action ${key}`, row, run: (cookie) => callAction(base, host, action.id, cookie) });
  }
  expect(cases.length).toBeGreaterThan(10);
  expect(await mismatches(cases)).toEqual([]);
});
