/**
 * No secret value reaches a browser, and none is stored unsealed. Starts from the secrets the studio
 * really holds (e2e/support/known-secrets.ts), then looks for each of them in: every response a browser
 * receives while crawling the console as admin, producer and artist (HTML, RSC payloads, JSON), every GET
 * route handler (the audit CSV included), every file of the client bundle, and every column of the database.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { decodeKey, seal } from '../lib/utils/secret-box';
import { allows, PAGES, ROUTES, type Who } from './authz/matrix';
import { sessionCookie } from './authz/http-probe';
import { signIn } from './support/fixtures';
import { allSecrets, appKeys, leaks, plaintextSecrets, type Secret } from './support/known-secrets';
import { query } from './support/studio-info';

const ROLES = { admin: 'admin@studio.example', producer: 'producer@studio.example', artist: 'ana@studio.example' } as const;
const MAX_PAGES = 18;
let secrets: Secret[];

test.beforeAll(async () => {
  // A webhook whose signing secret the pages must never show again (inactive: nothing is delivered).
  const hookSecret = `whsec_e2e_${randomBytes(16).toString('hex')}`;
  await query(
    `INSERT INTO webhook_subscriptions (id, url, secret_enc, events, active) VALUES ('e2e-leak-probe', $1, $2, '{}', false) ON CONFLICT (id) DO UPDATE SET secret_enc = EXCLUDED.secret_enc`,
    ['https://hooks.example.invalid/services/T0/B0/path-token-e2e-leak', seal(hookSecret, decodeKey(appKeys().STUDIO_SECRET_KEY))],
  );
  secrets = await allSecrets();
  expect(secrets.map((s) => s.label)).toEqual(expect.arrayContaining(['AUTH_SECRET', 'STUDIO_SECRET_KEY', 'AWS secret access key', 'OIDC client secret', 'Anvil password (us-east-1)', 'webhook secret e2e-leak-probe']));
});

/** Every same-origin response the browser gets while visiting pages and following their links. */
async function crawl(page: Page, start: string[]): Promise<{ urls: string[]; bodies: Map<string, string> }> {
  const origin = new URL(page.url()).origin;
  const pending: Promise<void>[] = [];
  const bodies = new Map<string, string>();
  page.on('response', (res) => {
    const type = res.headers()['content-type'] ?? '';
    if (!res.url().startsWith(origin) || type.includes('event-stream') || !/html|json|text|javascript|x-component/.test(type)) return;
    pending.push(res.text().then((t) => void bodies.set(`${res.request().method()} ${res.url()}`, t), () => undefined));
  });
  const queue = [...start];
  const visited = new Set<string>();
  while (queue.length > 0 && visited.size < MAX_PAGES) {
    const next = queue.shift()!;
    if (visited.has(next)) continue;
    visited.add(next);
    await page.goto(next);
    await page.waitForTimeout(300); // client-side reads (notifications, locality) start after hydration
    for (const href of await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      const u = new URL(href);
      if (u.origin === origin && !u.pathname.startsWith('/api/') && !visited.has(u.pathname + u.search)) queue.push(u.pathname + u.search);
    }
  }
  await Promise.all(pending);
  return { urls: [...visited], bodies };
}

for (const [who, email] of Object.entries(ROLES) as [Exclude<Who, 'anonymous'>, string][]) {
  test(`crawling the console as ${who} shows no secret in any page or response`, async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, email);
    const start = Object.entries(PAGES).filter(([key, row]) => !key.includes('[') && allows(row.access, who)).map(([key]) => key);
    const { urls, bodies } = await crawl(page, start);
    expect(urls.length).toBeGreaterThanOrEqual(start.length - 1);
    const found = [...bodies].flatMap(([url, body]) => leaks(body, secrets).map((label) => `${label} in ${url}`));
    expect(found).toEqual([]);
  });
}

test('no GET route handler answers any role with a secret (the audit CSV export included)', async ({ baseURL }) => {
  const found: string[] = [];
  for (const [who, email] of Object.entries(ROLES)) {
    const cookie = await sessionCookie(baseURL!, email);
    for (const [key, row] of Object.entries(ROUTES)) {
      const [method, route] = key.split(' ') as [string, string];
      if (method !== 'GET' || route === '/api/events') continue; // events carry topic ids only, and never end
      const urls = route.includes('[...nextauth]') ? ['/api/auth/session', '/api/auth/providers', '/api/auth/csrf'] : [row.sample ?? route];
      for (const url of urls) {
        const body = await (await fetch(`${baseURL}${url}`, { headers: { cookie } })).text();
        found.push(...leaks(body, secrets).map((label) => `${label} in GET ${url} as ${who}`));
      }
    }
  }
  expect(found).toEqual([]);
});

test('the client bundle (.next/static) contains no secret', () => {
  const files: string[] = [];
  const walk = (dir: string) => readdirSync(dir, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : files.push(path.join(dir, e.name))));
  walk('.next/static');
  expect(files.length).toBeGreaterThan(5);
  const found = files.flatMap((f) => leaks(readFileSync(f, 'latin1'), secrets).map((label) => `${label} in ${f}`));
  expect(found).toEqual([]);
});

test('no plaintext secret is stored in any database column, and sealed values live only in *_enc columns', async () => {
  const plain = await plaintextSecrets();
  const columns = await query<{ schema: string; table: string; column: string }>(
    `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`,
  );
  const patterns = plain.map((s) => `%${s.value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const found: string[] = [];
  for (const c of columns) {
    const ref = `"${c.schema}"."${c.table}"."${c.column}"`;
    const from = `FROM "${c.schema}"."${c.table}"`;
    const [hit] = await query<{ n: string }>(`SELECT count(*) AS n ${from} WHERE "${c.column}"::text LIKE ANY($1::text[])`, [patterns]);
    if (Number(hit?.n) > 0) found.push(`plaintext secret in ${ref}`);
    if (!c.column.endsWith('_enc')) {
      const [sealed] = await query<{ n: string }>(`SELECT count(*) AS n ${from} WHERE "${c.column}"::text ~ 'v1:[0-9a-f]{8}:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:'`);
      if (Number(sealed?.n) > 0) found.push(`sealed value outside a *_enc column (key rotation would miss it) in ${ref}`);
    }
  }
  expect(columns.length).toBeGreaterThan(50);
  expect(found).toEqual([]);
});
