/**
 * `npm test`: everything a user needs to trust the product, in order: types, lint, unit and integration
 * tests (vitest), a production build, and the end-to-end journeys (Playwright on Debian's Chromium).
 * Every suite runs even when an earlier one fails; the last line totals them: `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

type Tally = { name: string; passed: number; failed: number; seconds: number };
const tallies: Tally[] = [];
const RESULTS = '.data/results';
mkdirSync(RESULTS, { recursive: true });

function run(cmd: string, args: string[], env: Record<string, string> = {}): { ok: boolean; seconds: number } {
  const started = Date.now();
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  return { ok: res.status === 0, seconds: (Date.now() - started) / 1000 };
}

function check(name: string, cmd: string, args: string[]) {
  process.stdout.write(`\n━━ ${name} ━━\n`);
  const { ok, seconds } = run(cmd, args);
  tallies.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds });
}

function countVitest(file: string): { passed: number; failed: number } {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const r = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; testResults: { status: string; assertionResults: unknown[] }[] };
  // A file that fails to load has no assertions but still failed: count it, never drop it.
  const brokenFiles = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  return { passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles };
}

function countPlaywright(file: string): { passed: number; failed: number } {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const r = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] };
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected + r.stats.skipped + (r.errors?.length ?? 0) };
}

const only = process.argv.slice(2);
const wants = (suite: string) => only.length === 0 || only.includes(suite);

if (wants('types')) check('types (tsc --noEmit)', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']);
if (wants('lint')) check('lint (eslint, layer boundaries)', process.execPath, ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings=0']);

if (wants('unit')) {
  process.stdout.write('\n━━ unit + integration (vitest) ━━\n');
  const out = `${RESULTS}/vitest.json`;
  rmSync(out, { force: true });
  const { seconds } = run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  tallies.push({ name: 'unit + integration', ...countVitest(out), seconds });
}

if (wants('e2e')) {
  process.stdout.write('\n━━ build (next build) ━━\n');
  const build = run(process.execPath, ['node_modules/next/dist/bin/next', 'build']);
  tallies.push({ name: 'build', passed: build.ok ? 1 : 0, failed: build.ok ? 0 : 1, seconds: build.seconds });
  if (build.ok) {
    process.stdout.write('\n━━ end-to-end (Playwright, Chromium) ━━\n');
    const out = `${RESULTS}/playwright.json`;
    rmSync(out, { force: true });
    const { seconds } = run(process.execPath, ['node_modules/@playwright/test/cli.js', 'test']);
    tallies.push({ name: 'end-to-end', ...countPlaywright(out), seconds });
  }
}

process.stdout.write('\n━━ summary ━━\n');
for (const t of tallies) process.stdout.write(`  ${t.name.padEnd(34)} ${String(t.passed).padStart(4)} passed ${String(t.failed).padStart(3)} failed  ${t.seconds.toFixed(0)} s\n`);
const passed = tallies.reduce((n, t) => n + t.passed, 0);
const failed = tallies.reduce((n, t) => n + t.failed, 0);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
