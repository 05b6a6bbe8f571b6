import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoUser } from './support/fixtures';
import { query, studioInfo } from './support/studio-info';

// A producer bulk-assigns three shots to Ana from the board; Ana signs in and sees exactly those three
// and her desktop link; Ben sees none of them, and gets 404 on their pages and 403 on the board. The
// shots' data is published at Studio East (Ana's site), so no pre-stage is needed for her; assigning the
// fourth to Ben (Studio West) goes through the pre-stage offer. Those shots are rows this spec writes
// itself, under their own project. Last, a demo shot given to Ben gets a new version rendered at West
// (`demo:render`), which appears on the producer's open board without a reload.
test.describe.configure({ mode: 'serial' });

const run = promisify(execFile);

const SHOTS = ['sh901', 'sh902', 'sh903', 'sh904'];
const FOLDER = (shot: string) => `e2e_assign/sequences/sq900/${shot}`;

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

/** Waits until Studio East's Anvil lists a published file (the simulator's watcher picks files up). */
async function untilListed(nsPath: string): Promise<void> {
  const anvil = studioInfo().sim.anvils['us-east-1']!;
  const auth = `Basic ${Buffer.from(`${anvil.username}:${anvil.password}`).toString('base64')}`;
  await expect
    .poll(async () => (await fetch(`${anvil.url}/files?path=${encodeURIComponent(nsPath)}`, { headers: { authorization: auth } })).status, { timeout: 20_000 })
    .toBe(200);
}

test.beforeAll(async () => {
  const [home] = await query<{ publish_root: string }>('SELECT publish_root FROM sites WHERE is_home');
  await query(`INSERT INTO projects (id, name) VALUES ('e2e_project', 'E2E Assign') ON CONFLICT DO NOTHING`);
  await query(`INSERT INTO sequences (id, project_id, name) VALUES ('e2e_sq900', 'e2e_project', 'sq900') ON CONFLICT DO NOTHING`);
  for (const shot of SHOTS) {
    await query(
      `INSERT INTO shots (id, sequence_id, name, folder_path, batch_path, updated_at) VALUES ($1, 'e2e_sq900', $2, $3, $4, now()) ON CONFLICT DO NOTHING`,
      [`e2e_${shot}`, shot, FOLDER(shot), `${FOLDER(shot)}/batch/${shot}_v001.batch`],
    );
    const dir = path.join(home!.publish_root, FOLDER(shot), 'batch');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${shot}_v001.batch`), `# Batch setup of ${shot}\n`);
  }
  await query(`INSERT INTO versions (id, shot_id, vuid, name, position) VALUES ('e2e_v901', 'e2e_sh901', 'v001', 'v001', 0) ON CONFLICT DO NOTHING`);
  for (const shot of SHOTS) await untilListed(`/projects/${FOLDER(shot)}/batch/${shot}_v001.batch`);
});

test('a producer bulk-assigns three shots; only the artist sees them', async ({ browser }) => {
  test.setTimeout(180_000);
  const producer = await as(browser, 'producer@studio.example');
  await producer.goto('/shots/board?q=sh90');
  await expect(producer.getByRole('heading', { name: 'Assignment board' })).toBeVisible();
  for (const shot of SHOTS) await expect(producer.getByTestId(`board-row-${shot}`)).toContainText('unassigned');
  await expect(producer.getByTestId('board-row-sh901').getByTestId('latest-version')).toHaveText('v001 (1)');

  for (const shot of SHOTS.slice(0, 3)) await producer.getByLabel(`Select ${shot}`, { exact: true }).check();
  await expect(producer.getByTestId('selection-count')).toHaveText('3 selected');
  await producer.getByRole('button', { name: 'Assign…' }).click();
  const dialog = producer.getByRole('dialog', { name: 'Assign 3 shots' });
  await dialog.getByLabel('Artist').selectOption({ label: 'Ana Artist (Studio East)' });
  await dialog.getByLabel('Due date').fill('2026-12-18');
  await dialog.getByLabel('Note').fill('Sky replacement, match the plate grain');
  await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(producer.getByRole('status').filter({ hasText: '3 assigned.' })).toBeVisible();
  for (const shot of SHOTS.slice(0, 3)) {
    const row = producer.getByTestId(`board-row-${shot}`);
    await expect(row).toContainText('assigned');
    await expect(row).toContainText('Ana Artist');
    await expect(row).toContainText('Studio East');
    await expect(row).toContainText('2026-12-18');
  }
  await expect(producer.getByTestId('board-row-sh904')).toContainText('unassigned');

  // Ana sees exactly those three, their paths at her site, and her desktop link.
  const ana = await as(browser, 'ana@studio.example');
  await expect(ana).toHaveURL(/\/me$/);
  const mine = ana.getByRole('list', { name: 'My shots' });
  await expect(mine.getByRole('listitem')).toHaveCount(3);
  for (const shot of SHOTS.slice(0, 3)) await expect(ana.getByTestId(`my-shot-${shot}`)).toContainText('Sky replacement, match the plate grain');
  await expect(ana.getByTestId('my-shot-sh904')).toHaveCount(0);
  await expect(ana.getByTestId('my-shot-sh901')).toContainText(`${FOLDER('sh901')}`);
  await expect(ana.getByTestId('my-shot-sh901').getByTestId('locality-banner')).toHaveCount(0);
  await expect(ana.getByTestId('my-workstation-east-flame-01').getByTestId('dcv-browser-url')).toHaveText(/^https:\/\/.+:8443\/#console$/, { timeout: 60_000 });
  await expect(ana.getByRole('button', { name: /^Notifications, 1 unread$/ })).toBeVisible({ timeout: 30_000 });

  // Ana starts one; the producer's board follows without a reload.
  await ana.getByRole('button', { name: 'Start work: sh901' }).click();
  await expect(ana.getByTestId('my-shot-sh901')).toContainText('in progress');
  await expect(producer.getByTestId('board-row-sh901')).toContainText('in progress');

  const hrefs = await mine.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs).toHaveLength(3);
  await ana.goto(hrefs[0]!);
  await expect(ana.getByRole('heading', { name: 'sh901' })).toBeVisible();

  // Ben sees none of them, and their direct URLs are not his.
  const ben = await as(browser, 'ben@studio.example');
  for (const shot of SHOTS.slice(0, 3)) await expect(ben.getByTestId(`my-shot-${shot}`)).toHaveCount(0);
  for (const href of hrefs) {
    const res = await ben.goto(href!);
    expect(res?.status()).toBe(404);
  }
  expect((await ben.goto('/shots/board'))?.status()).toBe(403);
  const bell = await ben.request.get('/api/notifications');
  expect(bell.status()).toBe(200);
  expect(((await bell.json()) as { items: Array<{ title: string }> }).items.map((n) => n.title).join()).not.toContain('sh90');

  const audit = await query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'assignment.assign' AND summary LIKE 'Assigned sh90% to Ana Artist at Studio East'`);
  expect(Number(audit[0]!.n)).toBe(3);
});

test('assigning to an artist whose site lacks the data offers a pre-stage first', async ({ browser }) => {
  const producer = await as(browser, 'producer@studio.example');
  await producer.goto('/shots/board?q=sh904');
  await producer.getByRole('button', { name: 'Assign sh904' }).click();
  const dialog = producer.getByRole('dialog', { name: 'Assign sh904' });
  await dialog.getByLabel('Artist').selectOption({ label: 'Ben Artist (Studio West)' });
  await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(dialog.getByTestId('pre-stage-offer')).toContainText('not ready at Ben Artist’s site (Studio West)');
  await dialog.getByRole('button', { name: 'Pre-stage and assign' }).click();
  await expect(dialog).toBeHidden();
  await expect(producer.getByTestId('board-row-sh904')).toContainText('Ben Artist');
  const apps = await query<{ path: string }>(
    `SELECT a.path FROM objective_applications a JOIN objectives o ON o.id = a.objective_id JOIN sites s ON s.id = a.site_id WHERE o.name = 'studio-shot-keep-local' AND s.name = 'Studio West'`,
  );
  expect(apps.map((a) => a.path)).toContain(`/${FOLDER('sh904')}`);
});

test('a new version rendered by the artist appears live on the producer’s board, and the producer is told', async ({ browser }) => {
  test.setTimeout(120_000);
  const producer = await as(browser, 'producer@studio.example');
  await producer.goto('/shots/board?q=sh150');
  const row = producer.getByTestId('board-row-sh150');
  await expect(row).toBeVisible();
  await producer.getByRole('button', { name: 'Assign sh150' }).click();
  const dialog = producer.getByRole('dialog', { name: 'Assign sh150' });
  await dialog.getByLabel('Artist').selectOption({ label: 'Ben Artist (Studio West)' });
  await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
  // The demo seed publishes at Studio East only, so Ben's site is offered a pre-stage (accepted here).
  const offer = dialog.getByTestId('pre-stage-offer');
  await expect(offer.or(producer.getByRole('status').filter({ hasText: '1 assigned.' }))).toBeVisible();
  if (await offer.isVisible()) await dialog.getByRole('button', { name: 'Pre-stage and assign' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Ben Artist');
  const before = (await row.getByTestId('latest-version').textContent()) ?? '';
  // Anything that reloads the page loses this marker.
  await producer.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  // Ben renders at Studio West (the demo helper does what Flame's Write File node does to the Open Clip).
  const { stdout } = await run('npx', ['tsx', 'scripts/demo-render.ts', '--shot', 'sh150', '--site', 'us-west-2', '--data-dir', studioInfo().dataDir], { timeout: 60_000 });
  const render = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { version: string };
  expect(render.version).toMatch(/^v\d+$/);
  expect(before).not.toContain(render.version);
  await expect(row.getByTestId('latest-version')).toContainText(render.version, { timeout: 30_000 });
  expect(await producer.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  await producer.getByRole('button', { name: /^Notifications/ }).click();
  await expect(producer.getByRole('dialog', { name: 'Notifications' })).toContainText(`New version ${render.version} of sh150 (sq020)`, { timeout: 30_000 });
});
