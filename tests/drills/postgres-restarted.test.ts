import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroyAwsClients } from '@/lib/adapters/aws/clients';
import { db, disconnectDb } from '@/lib/db/client';
import { prepareDatabase } from '@/lib/db/prepare';
import type { Actor } from '@/lib/domain/auth/actor';
import { resetEnvCache } from '@/lib/env';
import { launchWorkstations } from '@/lib/services/workstations/launch-workstations';
import { controlApi } from '@/sim/aws/harness';
import { startAwsSimulator, type AwsSimulator } from '@/sim/aws/server';
import { freePort, startDatabase, withDatabaseName, type Database } from '../../scripts/lib/embedded-postgres';
import { reachable } from '../../scripts/lib/pg-server';
import { killWorker, startWorker, type WorkerProcess } from '../helpers/worker-process';
import { addSite, sleep } from '../workstations/support/world';
import { expectInvariants, simManagedInstances } from './support/invariants';

// Postgres restarted: the studio's database goes away while 30 launches are under way, and comes back
// on the same port a few seconds later. The drill runs its OWN embedded PostgreSQL (the suite's shared
// server must never stop: other files run on it), migrated like production, with a real worker process.
// The worker is not restarted: it must ride out the outage on its own (graphile-worker's pool reconnects,
// the reconcile chain is re-created by the per-minute fan-out if a pass died with the connection), and
// every launch must converge, each exactly once.
const N = 30;
const OUTAGE_MS = 5_000;
const dataDir = path.resolve('.data', `drill-pg-restart-${process.pid}`);
let server: Database;
let port: number;
let url: string;
let aws: AwsSimulator;
let control: ReturnType<typeof controlApi>;
let site: { id: string; region: string };
let profileId: string;
let worker: WorkerProcess | undefined;
const savedDatabaseUrl = process.env.DATABASE_URL;
const admin: Actor = { kind: 'user', userId: 'u_admin', email: 'admin@studio.example', name: 'Alex Admin', roles: ['admin'] };
const quiet = () => undefined;

async function startPostgres() {
  // startDatabase hands back DATABASE_URL's server when it is set; this drill needs one of its own.
  const keep = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    return await startDatabase({ dataDir, port, persistent: true, log: quiet });
  } finally {
    if (keep) process.env.DATABASE_URL = keep;
  }
}

/** A read that tolerates the test process's own pool meeting a connection the restart killed. */
async function read<T>(q: () => Promise<T>): Promise<T | null> {
  try {
    return await q();
  } catch {
    return null;
  }
}

const runningRows = () => read(() => db().workstation.count({ where: { siteId: site.id, observedState: 'running', instanceId: { not: null } } }));

/** As root with a private checkout, PostgreSQL's data lives in a twin under the OS temp dir: that goes too. */
function wipeDataDir() {
  for (const dir of new Set([dataDir, reachable(dataDir, quiet)])) rmSync(dir, { recursive: true, force: true });
}

beforeAll(async () => {
  wipeDataDir();
  port = await freePort();
  server = await startPostgres();
  const adminClient = new pg.Client({ connectionString: server.url });
  await adminClient.connect();
  await adminClient.query('CREATE DATABASE studio_drill');
  await adminClient.end();
  url = withDatabaseName(server.url, 'studio_drill');
  await prepareDatabase(url);
  aws = await startAwsSimulator({ port: 0, transitionMs: 1_500 });
  control = controlApi(aws.endpoint);
  Object.assign(process.env, { DATABASE_URL: url, AWS_ENDPOINT_URL: aws.endpoint, AWS_ACCESS_KEY_ID: aws.accessKeyId, AWS_SECRET_ACCESS_KEY: aws.secretAccessKey });
  process.env.STUDIO_SECRET_KEY ??= Buffer.alloc(32, 7).toString('base64');
  resetEnvCache();
  await db().user.create({ data: { id: admin.userId, email: admin.email, name: admin.name, roles: ['admin'] } });
  await db().instanceTypePrice.create({ data: { instanceType: 'g5.4xlarge', hourlyUsd: 1.624 } });
  ({ site, profileId } = await addSite({ url, get db() { return db(); } }, aws, 'us-west-2', 'Studio West'));
}, 120_000);

afterAll(async () => {
  if (worker) await killWorker(worker);
  await disconnectDb();
  destroyAwsClients();
  await aws?.close();
  await server?.stop();
  wipeDataDir();
  if (savedDatabaseUrl) process.env.DATABASE_URL = savedDatabaseUrl;
  else delete process.env.DATABASE_URL;
  resetEnvCache();
});

describe('Postgres restarted', () => {
  it('rides out a database restart mid-launch: the same worker recovers, 30 instances, none duplicated', { timeout: 240_000 }, async () => {
    for (const count of [20, 10]) await launchWorkstations(admin, { siteId: site.id, profileId, instanceType: 'g5.4xlarge', count, artistId: null });
    worker = startWorker({ databaseUrl: url, aws, reconcileIntervalSeconds: 5 });
    await worker.ready;
    const pid = worker.child.pid;

    // The fault lands on observed progress: some instances launched, not all (AWS's RunInstances bucket,
    // 5 then 2 a second, spreads 30 launches over about 12 s).
    const started = Date.now() + 60_000;
    while ((await simManagedInstances(control)).length < 4 && Date.now() < started) await sleep(100);
    await server.stop();
    const atStop = (await simManagedInstances(control)).length;
    await sleep(OUTAGE_MS);
    const aliveThroughOutage = worker.child.exitCode === null && worker.child.signalCode === null;
    server = await startPostgres();
    const atRestart = (await simManagedInstances(control)).length;

    const deadline = Date.now() + 150_000;
    for (;;) {
      if ((await runningRows()) === N) break;
      if (worker.child.exitCode !== null) throw new Error(`the worker exited (${worker.child.exitCode}) after the restart: ${worker.log().slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`only ${await runningRows()} of ${N} rows running; instances at stop ${atStop}, at restart ${atRestart}: ${worker.log().slice(-3000)}`);
      await sleep(500);
    }
    // What the product does: the very process that lived through the outage finished the work.
    expect(aliveThroughOutage).toBe(true);
    expect(worker.child.pid).toBe(pid);
    expect(atStop).toBeLessThan(N);

    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    worker = undefined;

    const sim = await simManagedInstances(control);
    expect(sim).toHaveLength(N);
    expect(new Set(sim.map((i) => i.clientToken)).size).toBe(N);
    expect(new Set(sim.map((i) => i.tags['studio:workstation-id'])).size).toBe(N);
    const invariants = await expectInvariants(db(), control, { chains: true });
    // Launches that AWS answered while Postgres was away are shown as not recorded, then adopted by ClientToken.
    const notRecorded = await db().workstationEvent.count({ where: { kind: 'error', message: { startsWith: 'LAUNCH_NOT_RECORDED' } } });
    console.log(JSON.stringify({ instancesAtStop: atStop, instancesAtRestart: atRestart, notRecorded, invariants }));
  });
});
