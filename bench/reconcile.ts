/**
 * `npx tsx bench/reconcile.ts [regions] [workstations]` (default 32 regions, 32,000 workstations): the EC2 reconciler at
 * studio scale. Starts an embedded PostgreSQL and the EC2 simulator (in a child process), creates one site
 * per region with N managed instances and N workstation rows, runs a first pass (which records every
 * observation) and then a steady pass (nothing changed), and prints one JSON object:
 * - cpuMsPerFullPass: this process's CPU (user + system) for a pass over every region;
 * - describeInstancesCallsPerPass (per region; target ceil(N/1000), no throttling here so no retries);
 * - dbWritesSteadyPass: rows inserted/updated/deleted in a pass where nothing changed (target 0), as the
 *   service counts them and as PostgreSQL's own statistics count them.
 * Sites are reconciled one after another so the CPU figure is not blurred by overlap.
 * Importable: bench/main.ts runs it at the large studio's scale (32 regions, 5,000 workstations).
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import pg from 'pg';
import { startDatabase, withDatabaseName } from '../scripts/lib/embedded-postgres';
import { startSimChild } from './support/aws-sim';
import { runAlone } from './support/cli';
import { BENCH_REGIONS } from './support/regions';

async function tupleWrites(url: string): Promise<number> {
  await new Promise((r) => setTimeout(r, 300));
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query(`SELECT COALESCE(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint AS n FROM pg_stat_user_tables WHERE schemaname = 'public'`);
  await c.end();
  return Number(rows[0].n);
}

/** `workstations` in all, spread evenly over `regions` (the first ones take the remainder). */
export type ReconcileOptions = { regions?: number; workstations?: number };

export async function runReconcileBench(opts: ReconcileOptions = {}) {
  const regions = opts.regions ?? 32;
  const total = opts.workstations ?? regions * 1000;
  const counts = Array.from({ length: regions }, (_, i) => Math.floor(total / regions) + (i < total % regions ? 1 : 0));
  const perRegion = counts[0] ?? 0;
  const dataDir = path.resolve('.data', `bench-pg-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const server = await startDatabase({ dataDir, persistent: false });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE bench');
  await admin.end();
  const url = withDatabaseName(server.url, 'bench');
  const sim = await startSimChild();
  Object.assign(process.env, { DATABASE_URL: url, AWS_ENDPOINT_URL: sim.endpoint, AWS_ACCESS_KEY_ID: sim.accessKeyId, AWS_SECRET_ACCESS_KEY: sim.secretAccessKey, LOG_LEVEL: 'silent', STUDIO_SECRET_KEY: Buffer.alloc(32, 1).toString('base64') });
  try {
    const { prepareDatabase } = await import('../lib/db/prepare');
    await prepareDatabase(url);
    const { setup } = await import('./support/reconcile-world');
    const sites = await setup(BENCH_REGIONS.slice(0, regions), counts, sim, (region) => new EC2Client({ region, endpoint: sim.endpoint, credentials: sim, maxAttempts: 1 }), RunInstancesCommand);
    const { fullPass } = await import('./support/reconcile-pass');
    const first = await fullPass(sites, sim.endpoint);
    const { disconnectDb } = await import('../lib/db/client');
    await disconnectDb();
    const before = await tupleWrites(url);
    const steady = await fullPass(sites, sim.endpoint);
    await disconnectDb();
    const after = await tupleWrites(url);
    const expectedCalls = Math.ceil(perRegion / 1000);
    return {
      bench: 'reconcile' as const,
      regions,
      instancesPerRegionMax: perRegion,
      rows: total,
      cpuMsPerFullPass: steady.cpuMs,
      wallMsPerFullPass: steady.wallMs,
      phasesMs: steady.phases,
      describeInstancesCallsPerPass: { total: steady.describeCalls, perRegionMax: steady.describeCallsMaxPerRegion, targetPerRegion: expectedCalls, retries: steady.describeRetries },
      dbWritesSteadyPass: { counted: steady.dbWrites, postgresTuples: after - before, target: 0 },
      firstPass: { cpuMs: first.cpuMs, wallMs: first.wallMs, dbWrites: first.dbWrites, observedRowsRecorded: first.observe },
      met: steady.dbWrites === 0 && after - before === 0,
    };
  } finally {
    const { destroyAwsClients } = await import('../lib/adapters/aws/clients');
    destroyAwsClients();
    const { disconnectDb } = await import('../lib/db/client');
    await disconnectDb();
    sim.stop();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runAlone(import.meta.url, () => runReconcileBench({ regions: Number(process.argv[2] ?? 32), workstations: Number(process.argv[3] ?? 32_000) }));
