/**
 * `npm run bench`: every scenario at the large studio's scale (32 sites, 5,000 workstations, 20,000
 * shots, 100,000 versions, 200 users), each in a process of its own (each starts its own PostgreSQL and
 * simulators, and the product's clients are per process), then the fault drills (tests/drills, vitest).
 * Progress goes to stderr; stdout gets one JSON summary with the machine it ran on, every scenario's
 * figures, and each target with whether it was met. `bench/RESULTS.md` records the latest summary.
 * Options: `--only pages,reconcile,…`, `--skip-build` (pages), `--skip-drills`, `--quick` (small scale,
 * to check the harness, not to report), `--write` (bench/RESULTS.md from this run).
 */
import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { progress } from './support/cli';
import { resultsMarkdown } from './support/results-md';

type Scenario = { key: string; script: string; args: string[]; quick: string[] };
const SCENARIOS: Scenario[] = [
  { key: 'pages', script: 'bench/pages.ts', args: [], quick: [] },
  { key: 'reconcile', script: 'bench/reconcile.ts', args: ['32', '5000'], quick: ['4', '200'] },
  { key: 'openclip', script: 'bench/openclip.ts', args: ['20000', '100', '5'], quick: ['500', '10', '5'] },
  { key: 'lag', script: 'bench/lag.ts', args: ['32', '3'], quick: ['4', '2'] },
  { key: 'workersScale', script: 'bench/workers-scale.ts', args: ['32', '40', '2', '200'], quick: ['4', '10', '1', '200'] },
  // The same with no AWS latency: pure CPU on this machine, shown beside the target, not instead of it.
  { key: 'workersScaleNoAwsLatency', script: 'bench/workers-scale.ts', args: ['32', '40', '1', '0'], quick: ['4', '10', '1', '0'] },
];

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const onlyArg = argv[argv.indexOf('--only') + 1];
const only = argv.includes('--only') && onlyArg ? onlyArg.split(',') : null;

/** Runs one scenario script; its last stdout line is its JSON figures. */
function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
    let out = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    child.once('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`${script} exited with ${code}`));
      try {
        resolve(JSON.parse(last) as Record<string, unknown>);
      } catch {
        reject(new Error(`${script} printed no JSON summary`));
      }
    });
  });
}

/** The drills: vitest on tests/drills, counted from its JSON report. */
function runDrills(): Promise<{ files: number; passed: number; failed: number; seconds: number }> {
  const out = '.data/results/drills.json';
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'tests/drills', '--reporter=json', `--outputFile.json=${out}`], { stdio: ['ignore', process.stderr, process.stderr] });
    child.once('exit', () => {
      const seconds = Math.round((performance.now() - started) / 1000);
      try {
        const r = JSON.parse(readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; testResults: unknown[] };
        resolve({ files: r.testResults.length, passed: r.numPassedTests, failed: r.numFailedTests, seconds });
      } catch {
        resolve({ files: 0, passed: 0, failed: 1, seconds });
      }
    });
  });
}

const figures: Record<string, Record<string, unknown> | { error: string }> = {};
const startedAt = new Date().toISOString();
for (const s of SCENARIOS) {
  if (only && !only.includes(s.key)) continue;
  const args = [...(flag('--quick') ? s.quick : s.args), ...(s.key === 'pages' && flag('--skip-build') ? ['--skip-build'] : [])];
  progress('main', `${s.key}: ${s.script} ${args.join(' ')}`);
  const t0 = performance.now();
  try {
    figures[s.key] = { ...(await runScript(s.script, args, s.key === 'pages' && flag('--quick') ? { BENCH_SECONDS: '2' } : {})), wallSeconds: Math.round((performance.now() - t0) / 1000) };
  } catch (err) {
    figures[s.key] = { error: (err as Error).message };
  }
}
const drills = flag('--skip-drills') || only ? null : await runDrills();

type Fig = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- scenario JSON, read by key
const f = figures as Record<string, Fig>;
const targets = {
  pageP95AtMost3xFloor: f.pages ? { worstRatioP95: f.pages.worstRatioP95, met: f.pages.met === true } : null,
  steadyReconcileZeroWrites: f.reconcile ? { counted: f.reconcile.dbWritesSteadyPass?.counted, postgresTuples: f.reconcile.dbWritesSteadyPass?.postgresTuples, met: f.reconcile.met === true } : null,
  zeroDuplicateInstances: {
    workersScale: f.workersScale?.duplicateInstances ?? null,
    drills: drills ? { passed: drills.passed, failed: drills.failed } : null,
    met: (f.workersScale ? f.workersScale.duplicateInstances === 0 : true) && (drills ? drills.failed === 0 && drills.passed > 0 : true),
  },
  twoWorkersAtLeast1_6x: f.workersScale ? { gain: f.workersScale.gain, met: f.workersScale.met === true } : null,
  lagRoundWithinInterval: f.lag ? { worstRoundMs: f.lag.steadyRoundWallMs?.worst, intervalMs: f.lag.intervalMs, met: f.lag.met === true } : null,
  openClipIndexComplete: f.openclip ? { met: f.openclip.met === true } : null,
};
const met = Object.values(targets).every((t) => t === null || t.met) && Object.values(figures).every((x) => !('error' in x));
const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}` };
const summary = { bench: 'summary', startedAt, finishedAt: new Date().toISOString(), quick: flag('--quick'), machine, scenarios: figures, drills, targets, met };
if (flag('--write')) writeFileSync('bench/RESULTS.md', resultsMarkdown(summary));
process.stdout.write(JSON.stringify(summary) + '\n');
process.exit(0);
