/**
 * Page latency on a large studio. Builds the app once (`next build`), starts the whole local studio in
 * production mode against its own data folder (scripts/lib/studio.ts, as the end-to-end tests do), seeds
 * 32 sites / 5,000 workstations / 20,000 shots / 100,000 versions / 200 users on top of the demo studio,
 * signs in as each role, then loads every page with 50 concurrent clients (autocannon).
 *
 * Each page is measured right after the framework floor (`/api/bench/floor`, a static JSON route of the
 * same server), so its ratio to the floor survives a machine other people are loading too.
 * The workers are stopped once the studio is up: their reconcilers would start launching the seeded
 * fleet and their scanner would mark the seeded shots' (absent) clips missing, both of which would be
 * other work competing with the web server for the same two cores.
 * `npx tsx bench/pages.ts [--skip-build]` prints one JSON object.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startStudio } from '../scripts/lib/studio';
import { freePort } from '../scripts/lib/embedded-postgres';
import { seedLargeStudio, type SeedCounts } from './seed-large-studio';
import { runAlone } from './support/cli';
import { measure, warm, type LoadFigures } from './support/load';
import { expectPage, signIn } from './support/web-session';

export type PageFigure = LoadFigures & { path: string; as: string; bytes: number; floor: LoadFigures; ratioP50: number; ratioP95: number; ratioP99: number; oneClientP50Ms: number };
export type PagesResult = { bench: 'pages'; connections: number; seconds: number; buildSeconds: number | null; seed: { counts: SeedCounts; seconds: number }; pages: Record<string, PageFigure>; ssrReference: PageFigure; targetRatioP95: number; worstRatioP95: number; met: boolean };

const TARGET_RATIO = 3;
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : 0);

function build(): number {
  const started = performance.now();
  // Build output goes to stderr: stdout carries only the JSON summary.
  const res = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: ['ignore', process.stderr, process.stderr], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (res.status !== 0) throw new Error(`next build failed (code ${res.status})`);
  return Math.round((performance.now() - started) / 1000);
}

async function oneId(databaseUrl: string, sql: string): Promise<string> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    return (await c.query<{ id: string }>(sql)).rows[0]!.id;
  } finally {
    await c.end();
  }
}

export async function runPagesBench(opts: { skipBuild?: boolean; connections?: number; seconds?: number } = {}): Promise<PagesResult> {
  const connections = opts.connections ?? 50;
  const seconds = opts.seconds ?? 8;
  const buildSeconds = opts.skipBuild ? null : build();
  const dataDir = path.resolve('.data', `bench-studio-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const studio = await startStudio({ dataDir, webPort: await freePort(), webMode: 'start', quiet: true, extraEnv: { LOG_LEVEL: 'warn', RECONCILE_INTERVAL_SECONDS: '3600' } });
  try {
    await studio.children.find((c) => c.name === 'workers')?.stop();
    const seed = await seedLargeStudio(studio.databaseUrl);
    const web = studio.webUrl;
    const cookies = {
      admin: await signIn(web, 'admin@studio.example', 'admin-demo-2026'),
      producer: await signIn(web, 'producer@studio.example', 'producer-demo-2026'),
      artist: await signIn(web, 'ana@studio.example', 'artist-demo-2026'),
    };
    // The filtered list: one bench site's running machines (about 95 of them), as an admin narrows it.
    const siteId = await oneId(studio.databaseUrl, `SELECT id FROM sites WHERE id LIKE 'bench_site_%' ORDER BY region LIMIT 1`);
    const targets: Array<{ key: string; path: string; as: keyof typeof cookies | 'anonymous' }> = [
      { key: 'overview', path: '/overview', as: 'admin' },
      { key: 'workstationsFiltered', path: `/workstations?siteId=${siteId}&state=running`, as: 'admin' },
      { key: 'workstationsAll', path: '/workstations', as: 'admin' },
      { key: 'shotsBoard', path: '/shots/board', as: 'producer' },
      { key: 'artistHome', path: '/me', as: 'artist' },
    ];
    const floorUrl = `${web}/api/bench/floor`;
    await warm(floorUrl, undefined, 20);
    // Not a target: the sign-in page, rendered on the server with no session and no data, shows what
    // server rendering alone costs against the floor (the targets' ratios include it).
    targets.push({ key: 'signInReference', path: '/sign-in', as: 'anonymous' });
    const cookieOf = (as: keyof typeof cookies | 'anonymous') => (as === 'anonymous' ? '' : cookies[as]);
    const pages: Record<string, PageFigure> = {};
    for (const t of targets) {
      const bytes = await expectPage(web, t.path, cookieOf(t.as));
      await warm(`${web}${t.path}`, cookieOf(t.as) || undefined);
      // What one person alone sees: a single client, no queue.
      const alone = await measure(`${web}${t.path}`, { connections: 1, seconds: 2, cookie: cookieOf(t.as) || undefined });
      const floor = await measure(floorUrl, { connections, seconds });
      const page = await measure(`${web}${t.path}`, { connections, seconds, cookie: cookieOf(t.as) || undefined });
      if (page.non2xx || page.errors) throw new Error(`${t.path}: ${page.non2xx} non-2xx answers, ${page.errors} errors under load`);
      pages[t.key] = { path: t.path, as: t.as, bytes, ...page, floor, ratioP50: ratio(page.p50Ms, floor.p50Ms), ratioP95: ratio(page.p95Ms, floor.p95Ms), ratioP99: ratio(page.p99Ms, floor.p99Ms), oneClientP50Ms: alone.p50Ms };
      process.stderr.write(`[bench:pages] ${t.key}: p95 ${page.p95Ms} ms vs floor ${floor.p95Ms} ms (×${pages[t.key]!.ratioP95})\n`);
    }
    const { signInReference: ssrReference, ...measured } = pages;
    const worst = Math.max(...Object.values(measured).map((p) => p.ratioP95));
    return { bench: 'pages', connections, seconds, buildSeconds, seed, pages: measured, ssrReference: ssrReference!, targetRatioP95: TARGET_RATIO, worstRatioP95: worst, met: worst <= TARGET_RATIO };
  } finally {
    await studio.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runAlone(import.meta.url, () => runPagesBench({ skipBuild: process.argv.includes('--skip-build'), seconds: Number(process.env.BENCH_SECONDS ?? 8) }));
