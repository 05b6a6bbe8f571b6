import { expect, test, type Page } from '@playwright/test';
import { demoUser } from './support/fixtures';
import { query, studioInfo } from './support/studio-info';

// An admin brings Sydney (ap-southeast-2, an Anvil that is up but not part of the studio) up from the
// Regions page and watches its checklist complete without reloading; then drains London, sees its
// checklist run to "stopped", and brings it back up so the studio is whole again for the other journeys.
test.describe.configure({ mode: 'serial' });

const LONG = { timeout: 120_000 };

async function signIn(page: Page, email: string): Promise<void> {
  const user = demoUser(email);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('current-user')).toHaveText(user.name);
}

async function expectChecklistDone(page: Page, site: string, workflow: string, steps: number) {
  const list = page.getByTestId(`checklist-${site}`);
  await expect(list).toHaveAttribute('data-workflow', workflow, LONG);
  await expect(list.locator('[data-testid="checklist-step"][data-status="done"]')).toHaveCount(steps, LONG);
  await expect(list.getByTestId('checklist-progress')).toHaveText(`${steps} of ${steps} done`);
}

test('an admin brings Sydney up and watches the checklist complete', async ({ page }) => {
  test.setTimeout(240_000);
  const sydney = studioInfo().sim.anvils['ap-southeast-2'];
  if (!sydney) throw new Error('the studio has no Sydney Anvil');
  await signIn(page, 'admin@studio.example');
  await page.goto('/regions');
  await expect(page.getByRole('heading', { name: 'Regions' })).toBeVisible();
  await expect(page.getByTestId('map-site-London')).toHaveAttribute('data-state', 'active');

  await page.getByRole('button', { name: 'Add site' }).click();
  const add = page.getByRole('dialog', { name: 'Add a site' });
  await add.getByLabel('Site name').fill('Sydney');
  await add.getByLabel('AWS region').fill('ap-southeast-2');
  await add.getByLabel('Anvil URL').fill(sydney.url);
  await add.getByLabel('Anvil account').fill(sydney.username);
  await add.getByLabel('Anvil password').fill(sydney.password);
  await add.getByRole('button', { name: 'Register site' }).click();
  await expect(add).toBeHidden();
  const row = page.getByTestId('site-row-Sydney');
  await expect(row).toHaveAttribute('data-state', 'planned');

  await row.getByRole('button', { name: 'Bring up' }).click();
  const up = page.getByRole('dialog', { name: 'Bring Sydney up' });
  await up.getByLabel('Workstations to launch when it is up (optional)').fill('1');
  await up.getByRole('button', { name: 'Start bring-up' }).click();
  await expect(up).toBeHidden();

  // No reload: each step's progress arrives through the live stream.
  await expect(page.getByTestId('checklist-Sydney')).toBeVisible();
  await expectChecklistDone(page, 'Sydney', 'bring-up', 8);
  await expect(row).toHaveAttribute('data-state', 'active');
  await expect(page.getByTestId('map-site-Sydney')).toHaveAttribute('data-state', 'active');
  await expect(page.getByTestId('checklist-Sydney').locator('[data-step="join-shares"]').getByTestId('step-detail')).toContainText('projects: joined');

  const stored = await query<{ anvil_password_enc: string }>('SELECT anvil_password_enc FROM sites WHERE name = $1', ['Sydney']);
  expect(stored[0]?.anvil_password_enc).not.toContain(sydney.password);
  const audit = await query<{ action: string; actor_label: string }>("SELECT action, actor_label FROM audit_log WHERE entity_type = 'site' AND action IN ('site.register', 'site.bring-up', 'site.activate') ORDER BY id");
  expect(audit.map((a) => a.action)).toEqual(['site.register', 'site.bring-up', 'site.activate']);
  expect(audit[2]?.actor_label).toBe('system:bring-up (for admin@studio.example)');
});

test('an admin drains London, then brings it back', async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, 'admin@studio.example');
  await page.goto('/regions');
  const row = page.getByTestId('site-row-London');
  await expect(row).toHaveAttribute('data-state', 'active');

  await row.getByRole('button', { name: 'Drain' }).click();
  const dialog = page.getByRole('dialog', { name: 'Drain London, then stop it' });
  await expect(dialog.getByTestId('drain-clear')).toBeVisible(LONG);
  await expect(dialog.getByText('Workstations here: london-flare-01')).toBeVisible();
  // Terminating needs the site's name typed; stopping (the default) does not.
  await dialog.getByLabel('Terminate the workstations instead of stopping them (their disks are deleted)').check();
  await expect(dialog.getByRole('button', { name: 'Drain, then stop' })).toBeDisabled();
  await dialog.getByLabel('Terminate the workstations instead of stopping them (their disks are deleted)').uncheck();
  await dialog.getByRole('button', { name: 'Drain, then stop' }).click();
  await expect(dialog).toBeHidden();

  await expectChecklistDone(page, 'London', 'drain', 6);
  await expect(row).toHaveAttribute('data-state', 'stopped');
  const ws = await query<{ desired_state: string; observed_state: string }>("SELECT desired_state, observed_state FROM workstations WHERE name = 'london-flare-01'");
  expect(ws[0]).toEqual({ desired_state: 'stopped', observed_state: 'stopped' });
  const told = await query<{ n: string }>("SELECT count(*)::text AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = 'chloe@studio.example' AND n.kind = 'site'");
  expect(Number(told[0]?.n)).toBe(1);

  // Bringing it back exercises stopped → provisioning → active and leaves the studio as the other journeys expect.
  await row.getByRole('button', { name: 'Bring up' }).click();
  await page.getByRole('dialog', { name: 'Bring London up' }).getByRole('button', { name: 'Start bring-up' }).click();
  await expectChecklistDone(page, 'London', 'bring-up', 8);
  await expect(row).toHaveAttribute('data-state', 'active');
});
