/**
 * Horizontal scale of the workers: the same reconcile work done by one worker process, then by two on the
 * same PostgreSQL. The work: 32 sites × 40 workstations just launched (rows and ClientTokens written, no
 * instance yet), one on-demand reconcile job per site, enqueued after the workers are ready; done when
 * every row has its instance id. Throughput is launches recorded per second. Runs alternate (1, 2, 1, 2…)
 * so a change in the machine's load between runs does not favour either side.
 *
 * Proof that nothing was applied twice, counted through the simulator's control API, not the product:
 * as many instances as rows, one per ClientToken, every row's instance carrying that row's token, and one
 * `launch` event per row. RunInstances requests above the row count are retries the ClientToken absorbed.
 * `npx tsx bench/workers-scale.ts [sites] [perSite] [rounds] [awsLatencyMs]` prints one JSON object.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startDatabase, withDatabaseName } from '../scripts/lib/embedded-postgres';
import { killWorker, startWorker } from '../tests/helpers/worker-process';
import { controlApi } from '../sim/aws/harness';
import { startSimChild, type SimChild } from './support/aws-sim';
import { insertRows, pad } from './support/bulk-insert';
import { progress, runAlone } from './support/cli';
import { BENCH_REGIONS } from './support/regions';
import { amiOf } from './support/reconcile-world';

type Run = { workers: number; launches: number; seconds: number; launchesPerSecond: number; runInstancesRequests: number; instances: number; distinctTokens: number; duplicateInstances: number; launchEventsPerRow: number };
const TARGET_GAIN = 1.6;
/**
 * Each EC2 call waits this long in the simulator, as AWS's API does (RunInstances answers in hundreds of
 * ms). A reconcile worker spends its time waiting on AWS, which is what a second worker process adds
 * capacity for; with 0 the simulator answers at once and the work becomes pure CPU, which on a 2-core
 * machine shared with PostgreSQL and the simulator no second process can add (the bench reports that too).
 */
const DEFAULT_LATENCY_MS = 200;


async function seed(c: pg.Client, sim: SimChild, sites: number, perSite: number): Promise<string[]> {
  const regions = BENCH_REGIONS.slice(0, sites);
  const now = new Date();
  await insertRows(c, 'sites', ['id', 'region', 'name', 'state', 'updated_at'], regions.map((r) => [`s_${r}`, r, `Scale ${r}`, 'active', now]));
  const amis = await Promise.all(regions.map((r) => amiOf(sim.endpoint, r)));
  await insertRows(c, 'launch_profiles', ['id', 'site_id', 'name', 'kind', 'ami_id', 'instance_types', 'updated_at'], regions.map((r, i) => [`lp_${r}`, `s_${r}`, 'Flame', 'flame', amis[i], ['g5.4xlarge'], now]));
  const rows = regions.flatMap((r) => Array.from({ length: perSite }, (_, n) => {
    const id = `ws_${r.replace(/-/g, '')}_${pad(n, 3)}`;
    return [id, `s_${r}`, `lp_${r}`, `${r}-${pad(n, 3)}`, 'g5.4xlarge', 'running', `${id}-g1`, now];
  }));
  await insertRows(c, 'workstations', ['id', 'site_id', 'profile_id', 'name', 'instance_type', 'desired_state', 'client_token', 'updated_at'], rows);
  return regions.map((r) => `s_${r}`);
}

async function oneRun(server: { url: string }, template: string, sim: SimChild, workers: number, sites: number, perSite: number, round: number, latencyMs: number): Promise<Run> {
  const name = `scale_${workers}_${round}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const url = withDatabaseName(server.url, name);
  const control = controlApi(sim.endpoint);
  await control.post('reset');
  await control.post('buckets', { enabled: false });
  await control.post('faults/latency', { ms: latencyMs });
  const procs = Array.from({ length: workers }, () => startWorker({ databaseUrl: url, aws: sim, reconcileIntervalSeconds: 3600, extra: { LOG_LEVEL: 'info' } }));
  const c = new pg.Client({ connectionString: url });
  try {
    await Promise.all(procs.map((p) => p.ready));
    await c.connect();
    const siteIds = await seed(c, sim, sites, perSite);
    const launches = sites * perSite;
    // The product's own on-demand request, one job per site, committed together: the clock starts here.
    process.env.DATABASE_URL = url;
    const { resetEnvCache } = await import('../lib/env');
    resetEnvCache();
    const { db, disconnectDb } = await import('../lib/db/client');
    const { requestReconcileMany } = await import('../lib/services/workstations/request-reconcile');
    await db().$transaction((tx) => requestReconcileMany(tx, siteIds, 'bench'));
    await disconnectDb();
    const started = performance.now();
    for (;;) {
      const done = Number((await c.query('SELECT count(*) FROM workstations WHERE instance_id IS NOT NULL')).rows[0].count);
      if (done === launches) break;
      if (performance.now() - started > 600_000) throw new Error(`${workers} worker(s): ${done} of ${launches} launched after 10 minutes`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    const sims = await control.get<{ instances: Array<{ instanceId: string; clientToken: string; tags: Record<string, string> }> }>('instances');
    const counters = await control.get<{ totals: { requests: number } }>('counters?action=RunInstances');
    const rows = (await c.query<{ id: string; instance_id: string; client_token: string }>('SELECT id, instance_id, client_token FROM workstations')).rows;
    const byInstance = new Map(sims.instances.map((i) => [i.instanceId, i]));
    const mismatched = rows.filter((r) => byInstance.get(r.instance_id)?.clientToken !== r.client_token).length;
    const events = (await c.query<{ max: number }>(`SELECT COALESCE(max(n), 0)::int AS max FROM (SELECT count(*) AS n FROM workstation_events WHERE kind = 'launch' GROUP BY workstation_id) e`)).rows[0]!.max;
    const run: Run = {
      workers, launches, seconds: Math.round(seconds * 100) / 100, launchesPerSecond: Math.round((launches / seconds) * 10) / 10,
      runInstancesRequests: counters.totals.requests, instances: sims.instances.length, distinctTokens: new Set(sims.instances.map((i) => i.clientToken)).size,
      duplicateInstances: sims.instances.length - launches + mismatched, launchEventsPerRow: events,
    };
    progress('workers-scale', `${workers} worker(s), round ${round}: ${run.launchesPerSecond} launches/s, ${run.instances} instances, ${run.runInstancesRequests} RunInstances`);
    return run;
  } finally {
    await c.end().catch(() => undefined);
    await Promise.all(procs.map((p) => killWorker(p, 'SIGTERM')));
  }
}

export async function runWorkersScaleBench(opts: { sites?: number; perSite?: number; rounds?: number; latencyMs?: number } = {}) {
  const sites = opts.sites ?? 32;
  const perSite = opts.perSite ?? 40;
  const rounds = opts.rounds ?? 2;
  const latencyMs = opts.latencyMs ?? DEFAULT_LATENCY_MS;
  const dataDir = path.resolve('.data', `bench-scale-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const server = await startDatabase({ dataDir, persistent: false });
  const sim = await startSimChild();
  Object.assign(process.env, { AWS_ENDPOINT_URL: sim.endpoint, AWS_ACCESS_KEY_ID: sim.accessKeyId, AWS_SECRET_ACCESS_KEY: sim.secretAccessKey, LOG_LEVEL: 'silent', STUDIO_SECRET_KEY: process.env.STUDIO_SECRET_KEY ?? Buffer.alloc(32, 1).toString('base64') });
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE scale_template');
    await admin.end();
    const { prepareDatabase } = await import('../lib/db/prepare');
    await prepareDatabase(withDatabaseName(server.url, 'scale_template'));
    const runs: Run[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const workers of [1, 2]) runs.push(await oneRun(server, 'scale_template', sim, workers, sites, perSite, round, latencyMs));
    }
    const mean = (w: number) => runs.filter((r) => r.workers === w).reduce((s, r) => s + r.launchesPerSecond, 0) / rounds;
    const gain = Math.round((mean(2) / mean(1)) * 100) / 100;
    const duplicates = runs.reduce((n, r) => n + r.duplicateInstances, 0);
    const onceEach = runs.every((r) => r.instances === r.launches && r.distinctTokens === r.launches && r.launchEventsPerRow === 1);
    return {
      bench: 'workers-scale' as const, sites, perSite, rounds, awsLatencyMs: latencyMs, runs,
      oneWorkerLaunchesPerSecond: Math.round(mean(1) * 10) / 10, twoWorkersLaunchesPerSecond: Math.round(mean(2) * 10) / 10,
      gain, targetGain: TARGET_GAIN, duplicateInstances: duplicates, eachActionOnce: onceEach, met: gain >= TARGET_GAIN && duplicates === 0 && onceEach,
    };
  } finally {
    sim.stop();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runAlone(import.meta.url, () => runWorkersScaleBench({ sites: Number(process.argv[2] ?? 32), perSite: Number(process.argv[3] ?? 40), rounds: Number(process.argv[4] ?? 2), latencyMs: Number(process.argv[5] ?? DEFAULT_LATENCY_MS) }));
