/**
 * The producer's story of issue 6: a remote artist renders at Studio West (`npm run demo:render`), the
 * new version replicates to Studio East (the home site, whose publish root the scanner watches), and it
 * appears on the Shots page the producer has open, without a reload, within the simulated replication
 * delay + 2 s.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { signIn } from './support/fixtures';

const run = promisify(execFile);
type TStudioFile = { dataDir: string; sim: { anvils: Record<string, { controlUrl?: string }> } };
// This run's own studio file (e2e/support/global-setup.ts): the shared one may belong to another run.
const studio = () => JSON.parse(readFileSync(process.env.E2E_STUDIO_FILE ?? path.resolve('.data/e2e-studio.json'), 'utf8')) as TStudioFile;
const controlUrl = () => studio().sim.anvils['us-west-2']?.controlUrl?.replace(/\/sites\/[^/]+$/, '') ?? '';

/** The simulator's one-way delay from West to East (the e2e studio runs with the default). */
async function westToEastDelayMs(): Promise<number> {
  const links = (await (await fetch(`${controlUrl()}/links`)).json()) as Array<{ from: string; to: string; delayMs: number }>;
  const link = links.find((l) => l.from === 'us-west-2' && l.to === 'us-east-1');
  if (!link) throw new Error('no West → East link in the simulator');
  return link.delayMs;
}

async function demoRender(shot: string, site: string): Promise<{ version: string; writtenAt: string; readThrough: string }> {
  const { stdout } = await run('npx', ['tsx', 'scripts/demo-render.ts', '--shot', shot, '--site', site, '--data-dir', studio().dataDir, '--control-url', controlUrl()], { timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
}

test.describe('Shots', () => {
  test('a render at Studio West appears on the Shots page at Studio East within the replication delay + 2 s, without reload', async ({ page }) => {
    const delayMs = await westToEastDelayMs();
    await signIn(page, 'producer@studio.example');
    await page.goto('/shots');
    await expect(page.getByRole('heading', { name: 'Nimbus' })).toBeVisible();
    const latest = page.getByTestId('latest-sh010');
    await expect(latest).toContainText('v002');
    // Anything that reloads the page loses this marker.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    const render = await demoRender('sh010', 'us-west-2');
    expect(render).toMatchObject({ version: 'v003', readThrough: 'site-read' });
    await expect(latest).toContainText('v003', { timeout: delayMs + 2_000 + 1_000 });
    const elapsed = Date.now() - Date.parse(render.writtenAt);
    console.log(`sh010 ${render.version} appeared on the page ${elapsed} ms after the render was written at West (link delay ${delayMs} ms)`);
    expect(elapsed, `appeared ${elapsed} ms after the render was written (delay ${delayMs} ms)`).toBeLessThan(delayMs + 2_000);
    await expect(latest).toContainText('Studio West');
    await expect(page.getByTestId('current-sh010')).toContainText('v003');
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  test('the shot page shows the history with when and where, and where the data is', async ({ page }) => {
    await signIn(page, 'producer@studio.example');
    await page.goto('/shots');
    await page.getByRole('link', { name: 'sh010', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'sh010' })).toBeVisible();
    const v003 = page.getByTestId('version-v003');
    await expect(v003).toContainText('Studio West');
    await expect(v003).toContainText('current');
    await expect(page.getByTestId('version-v001')).toContainText('Studio East');
    await expect(page.getByRole('list', { name: 'Shot activity' })).toContainText('v003 added at Studio West');
    // Each site's Anvil answers for itself: the home site holds the clip it indexes.
    await expect(page.locator('[data-testid^="locality-"]')).toContainText('Studio East', { timeout: 15_000 });
    await expect(page.locator('[data-testid^="locality-"]')).toContainText('Studio West');
  });

  test('an artist cannot open the Shots pages', async ({ page }) => {
    await signIn(page, 'ana@studio.example');
    const response = await page.goto('/shots');
    expect(response?.status()).toBe(403);
  });
});
