import { expect, test, type Page } from '@playwright/test';
import { demoUser } from './support/fixtures';
import pg from 'pg';
import { studioInfo, type StudioInfo } from './support/studio-info';

// An admin watches replication lag on the Replication page while the simulated links change under it:
// West → East set to 7 s reads 7 ± 2 s within 30 s; a paused link shows the lag growing until the share's
// alert is raised (with a notification); an Anvil taken down reads "unreachable since …" while the rest of
// the console keeps working. The page is never reloaded: updates arrive through the live stream.
test.describe.configure({ mode: 'serial' });

const WEST_EAST = 'lag-us-west-2-us-east-1';

// Read once: another run's global setup may rewrite .data/e2e-studio.json while this one is going.
let studio: StudioInfo | undefined;
const info = () => (studio ??= studioInfo());

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: info().databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function control(): string {
  const url = info().sim.anvils['us-east-1']?.controlUrl;
  if (!url) throw new Error('the studio file has no Anvil control URL');
  return url.replace(/\/sites\/[^/]+$/, '');
}

async function sim(method: string, path: string, body?: unknown): Promise<void> {
  const r = await fetch(`${control()}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
}

async function signIn(page: Page, email: string): Promise<void> {
  const user = demoUser(email);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('current-user')).toHaveText(user.name);
}

/** The lag the matrix shows for a pair, in seconds (NaN while it shows no number). */
async function shownLag(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).getByTestId('lag-value').textContent({ timeout: 1_000 }).catch(() => null)) ?? '';
  const m = /^([\d.]+) s$/.exec(text.trim()) ?? /^(\d+) min (\d+) s$/.exec(text.trim());
  if (!m) return Number.NaN;
  return m[2] === undefined ? Number(m[1]) : Number(m[1]) * 60 + Number(m[2]);
}

test.beforeAll(() => {
  info();
});

test.afterAll(async () => {
  await sim('PUT', '/links/us-west-2/us-east-1', { delayMs: 3_000, paused: false }).catch(() => undefined);
  await sim('POST', '/sites/eu-west-2/up').catch(() => undefined);
  await query('UPDATE shares SET lag_alert_seconds = 30 WHERE name = $1', ['projects']).catch(() => undefined);
});

test('West → East delayed to 7 s reads 7 ± 2 s within 30 s', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'admin@studio.example');
  await page.goto('/replication');
  await expect(page.getByRole('table', { name: 'Replication lag matrix' })).toBeVisible();
  // The collectors start with the workers; wait until they have measured this pair once.
  await expect(page.getByTestId(WEST_EAST).getByTestId('lag-value')).toBeVisible({ timeout: 90_000 });

  await sim('PUT', '/links/us-west-2/us-east-1', { delayMs: 7_000 });
  const started = Date.now();
  await expect.poll(() => shownLag(page, WEST_EAST), { timeout: 30_000, intervals: [500] }).toBeGreaterThanOrEqual(5);
  expect(await shownLag(page, WEST_EAST)).toBeLessThanOrEqual(9);
  expect(Date.now() - started).toBeLessThan(30_000);

  await page.getByTestId(WEST_EAST).getByRole('link').click();
  await expect(page.getByRole('img', { name: /^Lag Studio West to Studio East: latest/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Range' }).getByRole('link', { name: '24h' }).click();
  await expect(page).toHaveURL(/range=24h/);
  await expect(page.getByRole('img', { name: /^Lag Studio West to Studio East/ })).toBeVisible();
});

test('pausing the link shows the lag growing and raises the alert', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'admin@studio.example');
  await page.goto('/replication');
  await page.getByLabel('Alert when lag reaches').fill('12');
  await page.getByRole('form', { name: 'Lag alert threshold' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await sim('POST', '/links/us-west-2/us-east-1/pause');
  const seen: number[] = [];
  await expect.poll(async () => {
    const v = await shownLag(page, WEST_EAST);
    if (Number.isFinite(v) && v !== seen[seen.length - 1]) seen.push(v);
    return seen.length >= 2 && seen.slice(1).every((x, i) => x > (seen[i] as number)) && v >= 12;
  }, { timeout: 90_000, intervals: [1_000] }).toBe(true);
  await expect(page.getByTestId('alert-replication_lag')).toContainText('Studio West → Studio East', { timeout: 30_000 });
  await expect(page.getByTestId(WEST_EAST).getByRole('link')).toHaveClass(/text-bad/);
  const notes = await query<{ n: string }>("SELECT count(*)::text AS n FROM notifications WHERE kind = 'replication_lag'");
  expect(Number(notes[0]?.n)).toBeGreaterThan(0);

  await sim('PUT', '/links/us-west-2/us-east-1', { delayMs: 3_000, paused: false });
  await expect(page.getByTestId('alert-replication_lag')).toBeHidden({ timeout: 60_000 });
});

test('an Anvil taken down shows unreachable and the console keeps working', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'admin@studio.example');
  await page.goto('/replication');
  await sim('POST', '/sites/eu-west-2/down');
  await expect(page.getByTestId('site-status-eu-west-2')).toContainText('unreachable since', { timeout: 45_000 });
  await expect(page.getByTestId('lag-us-west-2-eu-west-2')).toContainText('unreachable');
  await expect(page.getByTestId('alert-anvil_unreachable')).toContainText("London's Anvil is unreachable");
  await expect(page.getByTestId(WEST_EAST).getByTestId('lag-value')).toBeVisible();

  await page.goto('/overview');
  await expect(page.getByText('Worst lag now')).toBeVisible();
  await expect(page.getByText('London unreachable')).toBeVisible();
  await page.goto('/objectives');
  await expect(page.getByRole('heading', { name: 'Objectives' })).toBeVisible();

  await sim('POST', '/sites/eu-west-2/up');
  await page.goto('/replication');
  await expect(page.getByTestId('site-status-eu-west-2').getByText('reachable', { exact: true })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId('lag-us-west-2-eu-west-2').getByTestId('lag-value')).toBeVisible({ timeout: 30_000 });
});
