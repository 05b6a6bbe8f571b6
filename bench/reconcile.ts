/**
 * `npx tsx bench/reconcile.ts [regions] [instancesPerRegion]` (default 32 × 1,000): the EC2 reconciler at
 * studio scale. Starts an embedded PostgreSQL and the EC2 simulator (in a child process), creates one site
 * per region with N managed instances and N workstation rows, runs a first pass (which records every
 * observation) and then a steady pass (nothing changed), and prints one JSON object:
 * - cpuMsPerFullPass: this process's CPU (user + system) for a pass over every region;
 * - describeInstancesCallsPerPass (per region; target ceil(N/1000), no throttling here so no retries);
 * - dbWritesSteadyPass: rows inserted/updated/deleted in a pass where nothing changed (target 0), as the
 *   service counts them and as PostgreSQL's own statistics count them.
 * Sites are reconciled one after another so the CPU figure is not blurred by overlap.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import pg from 'pg';
import { startDatabase, withDatabaseName } from '../scripts/lib/embedded-postgres';

const REGIONS = Number(process.argv[2] ?? 32);
const PER_REGION = Number(process.argv[3] ?? 1000);
const ALL_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-south-1', 'ap-south-2', 'ap-southeast-1', 'ap-southeast-2',
  'ap-southeast-3', 'ap-southeast-4', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ca-central-1', 'ca-west-1', 'eu-central-1',
  'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-south-1', 'eu-south-2', 'eu-north-1', 'il-central-1', 'me-central-1',
  'me-south-1', 'mx-central-1', 'sa-east-1', 'ap-southeast-5', 'ap-southeast-7',
];

async function startSim(): Promise<{ endpoint: string; accessKeyId: string; secretAccessKey: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/aws-sim-child.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
  });
  return { ...(JSON.parse(line) as { endpoint: string; accessKeyId: string; secretAccessKey: string }), stop: () => child.kill('SIGTERM') };
}

async function tupleWrites(url: string): Promise<number> {
  await new Promise((r) => setTimeout(r, 300));
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query(`SELECT COALESCE(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint AS n FROM pg_stat_user_tables WHERE schemaname = 'public'`);
  await c.end();
  return Number(rows[0].n);
}

async function main() {
  const dataDir = path.resolve('.data', `bench-pg-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const server = await startDatabase({ dataDir, persistent: false });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE bench');
  await admin.end();
  const url = withDatabaseName(server.url, 'bench');
  const sim = await startSim();
  Object.assign(process.env, { DATABASE_URL: url, AWS_ENDPOINT_URL: sim.endpoint, AWS_ACCESS_KEY_ID: sim.accessKeyId, AWS_SECRET_ACCESS_KEY: sim.secretAccessKey, LOG_LEVEL: 'silent', STUDIO_SECRET_KEY: Buffer.alloc(32, 1).toString('base64') });
  try {
    const { prepareDatabase } = await import('../lib/db/prepare');
    await prepareDatabase(url);
    const { setup } = await import('./support/reconcile-world');
    const sites = await setup(ALL_REGIONS.slice(0, REGIONS), PER_REGION, sim, (region) => new EC2Client({ region, endpoint: sim.endpoint, credentials: sim, maxAttempts: 1 }), RunInstancesCommand);
    const { fullPass } = await import('./support/reconcile-pass');
    const first = await fullPass(sites, sim.endpoint);
    const { disconnectDb } = await import('../lib/db/client');
    await disconnectDb();
    const before = await tupleWrites(url);
    const steady = await fullPass(sites, sim.endpoint);
    await disconnectDb();
    const after = await tupleWrites(url);
    const expectedCalls = Math.ceil(PER_REGION / 1000);
    process.stdout.write(JSON.stringify({
      bench: 'reconcile',
      regions: REGIONS,
      instancesPerRegion: PER_REGION,
      rows: REGIONS * PER_REGION,
      cpuMsPerFullPass: steady.cpuMs,
      wallMsPerFullPass: steady.wallMs,
      phasesMs: steady.phases,
      describeInstancesCallsPerPass: { total: steady.describeCalls, perRegionMax: steady.describeCallsMaxPerRegion, targetPerRegion: expectedCalls, retries: steady.describeRetries },
      dbWritesSteadyPass: { counted: steady.dbWrites, postgresTuples: after - before, target: 0 },
      firstPass: { cpuMs: first.cpuMs, wallMs: first.wallMs, dbWrites: first.dbWrites, observedRowsRecorded: first.observe },
    }) + '\n');
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

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
