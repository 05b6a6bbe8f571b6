/** The audit page: filter by action and UTC days, export exactly that as CSV, spreadsheet-safe. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { sessionCookie } from './authz/http-probe';
import { signIn } from './support/fixtures';
import { query } from './support/studio-info';

const ACTION = `e2e.audit-probe-${Date.now()}`;

test.beforeAll(async () => {
  const insert = `INSERT INTO audit_log (at, actor_label, action, entity_type, entity_id, summary) VALUES ($1, 'e2e@studio.example', $2, 'shot', $3, $4)`;
  await query(insert, ['2026-01-15T12:00:00Z', ACTION, 'shot-15', '=HYPERLINK("http://evil.example","open me")']);
  await query(insert, ['2026-01-17T12:00:00Z', ACTION, 'shot-17', 'two days later']);
});

test('an admin filters the trail by action and day, and exports exactly those rows as safe CSV', async ({ page }) => {
  await signIn(page, 'admin@studio.example');
  await page.goto('/audit');
  await page.getByLabel('Filter by action').fill(ACTION);
  await page.getByLabel('From day (UTC)').fill('2026-01-15');
  await page.getByLabel('To day (UTC)').fill('2026-01-15');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/from=2026-01-15/);
  const rows = page.getByRole('table', { name: 'Audit log' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('=HYPERLINK'); // on the page it is only text

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync((await download.path())!, 'utf8').split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`"${ACTION}","shot","shot-15","'=HYPERLINK(""http://evil.example"",""open me"")"`);
  const exported = await query<{ summary: string }>(`SELECT summary FROM audit_log WHERE action = 'audit.export' ORDER BY id DESC LIMIT 1`);
  expect(exported[0]?.summary).toContain(`action=${encodeURIComponent(ACTION)}`);
});

test('the export is for admins only', async ({ baseURL }) => {
  for (const email of ['producer@studio.example', 'ana@studio.example']) {
    const res = await fetch(`${baseURL}/api/audit/export`, { headers: { cookie: await sessionCookie(baseURL!, email) } });
    expect(res.status).toBe(403);
  }
  expect((await fetch(`${baseURL}/api/audit/export`)).status).toBe(401);
});
