import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoUser } from './support/fixtures';

// An admin launches three workstations in Studio West for Ben; they show pending, then running, without
// a reload (live updates); Ben sees his links and only his; Ana gets 404 on Ben's connection file; a stop
// brings one to stopped. The studio runs on the simulators with a 5-second reconcile interval.
test.describe.configure({ mode: 'serial' });

const NEW = ['west-flame-02', 'west-flame-03', 'west-flame-04'];
const EC2 = { timeout: 45_000 };

/** Signs in through the real form in a fresh context (the sign-in page also offers SSO: exact button name). */
async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const user = demoUser(email);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('current-user')).toHaveText(user.name);
  return page;
}

test('launch, watch, connect and stop workstations', async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await as(browser, 'admin@studio.example');
  await admin.goto('/workstations');
  await expect(admin.getByRole('heading', { name: 'Workstations' })).toBeVisible();

  await admin.getByRole('button', { name: 'Launch workstations' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Launch workstations' });
  await dialog.getByLabel('Site').selectOption({ label: 'Studio West (us-west-2)' });
  await dialog.getByLabel('Launch profile').selectOption({ label: 'Flame' });
  await dialog.getByLabel('Instance type').selectOption('g5.4xlarge');
  await dialog.getByLabel('How many').fill('3');
  await dialog.getByLabel('Artist (optional)').selectOption({ label: 'Ben Artist (ben@studio.example)' });
  await dialog.getByRole('button', { name: 'Launch 3' }).click();
  await expect(dialog).toBeHidden();

  // No reload from here on: every state change arrives through the live stream.
  for (const name of NEW) await expect(admin.getByTestId(`workstation-row-${name}`)).toBeVisible();
  for (const name of NEW) await expect(admin.getByTestId(`workstation-row-${name}`).getByTestId('workstation-state')).toHaveAttribute('data-state', 'pending', EC2);
  for (const name of NEW) await expect(admin.getByTestId(`workstation-row-${name}`).getByTestId('workstation-state')).toHaveAttribute('data-state', 'running', EC2);

  // The detail drawer shows the history of one of them.
  await admin.getByRole('link', { name: 'west-flame-02' }).click();
  const drawer = admin.getByRole('complementary', { name: 'Workstation west-flame-02' });
  await expect(drawer.getByRole('list', { name: 'Event history' })).toContainText('Launch requested for ben@studio.example');
  await expect(drawer.getByTestId('dcv-browser-url')).toHaveText(/^https:\/\/.+:8443\/#console$/);
  await admin.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // Ben sees his machines with their links, and nobody else's.
  const ben = await as(browser, 'ben@studio.example');
  await expect(ben).toHaveURL(/\/me$/);
  for (const name of NEW) {
    const card = ben.getByTestId(`my-workstation-${name}`);
    await expect(card.getByTestId('dcv-browser-url')).toHaveText(/^https:\/\/ec2-[\d-]+\.us-west-2\.compute\.amazonaws\.com:8443\/#console$/, EC2);
  }
  await expect(ben.getByText('east-flame-01')).toHaveCount(0);
  await expect(ben.getByText('london-flare-01')).toHaveCount(0);
  const fileUrl = await ben.getByTestId(`my-workstation-${NEW[0]}`).getByRole('link', { name: 'Download .dcv file' }).getAttribute('href');
  expect(fileUrl).toMatch(/^\/api\/workstations\/.+\/dcv$/);
  const own = await ben.request.get(fileUrl!);
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain('user=ben@studio.example');

  // Ana, another artist, cannot have Ben's link: the file is "not found" for her, the admin pages forbidden.
  const ana = await as(browser, 'ana@studio.example');
  expect((await ana.request.get(fileUrl!)).status()).toBe(404);
  await expect(ana.getByText('west-flame-02')).toHaveCount(0);
  expect((await ana.goto(`/workstations?ws=${fileUrl!.split('/')[3]}`))?.status()).toBe(403);

  // Stop one, with confirmation: it goes to stopped, again without a reload.
  await admin.getByRole('checkbox', { name: 'Select west-flame-03' }).check();
  await admin.getByRole('button', { name: 'Stop', exact: true }).click();
  const confirm = admin.getByRole('dialog', { name: 'Stop west-flame-03?' });
  await confirm.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(admin.getByTestId('workstation-row-west-flame-03').getByTestId('workstation-state')).toHaveAttribute('data-state', 'stopped', EC2);
  await expect(ben.getByTestId('my-workstation-west-flame-03').getByTestId('workstation-state')).toHaveAttribute('data-state', 'stopped', EC2);
});

test('an admin edits a launch profile and a price', async ({ browser }) => {
  const admin = await as(browser, 'admin@studio.example');
  await admin.goto('/workstations/profiles');
  await expect(admin.getByRole('heading', { name: 'Launch profiles and prices' })).toBeVisible();
  const price = admin.getByLabel('Hourly price of g6e.4xlarge');
  await price.fill('3.25');
  await price.locator('xpath=..').getByRole('button', { name: 'Save' }).click();
  await expect(price.locator('xpath=..').getByRole('button', { name: 'Save' })).toBeDisabled();
  await admin.reload();
  await expect(admin.getByLabel('Hourly price of g6e.4xlarge')).toHaveValue('3.25');

  await admin.getByRole('button', { name: 'New profile' }).click();
  const dialog = admin.getByRole('dialog', { name: 'New launch profile' });
  await dialog.getByLabel('Name').fill('Flame big');
  await dialog.getByLabel('AMI').fill('not-an-ami');
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await expect(dialog.getByText('An AMI id looks like ami-0123456789abcdef0')).toBeVisible();
});
