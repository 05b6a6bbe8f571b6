/**
 * Starts the whole local studio: PostgreSQL (embedded unless DATABASE_URL is set), migrations, the
 * simulators, the demo seed (first run only), the workers and the web app. Used by `npm run dev` and by
 * the end-to-end tests, so both exercise the same start-up path.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startChild, waitForHttp, waitForLine, type Child } from './children';
import { devSecrets } from './dev-secrets';
import { freePort, startDatabase, withDatabaseName, type Database } from './embedded-postgres';
import { prepareDatabase } from '../../lib/db/prepare';

export type SimEndpoints = {
  aws: { endpoint: string; accessKeyId: string; secretAccessKey: string };
  anvils: Record<string, { url: string; username: string; password: string; shareRoot: string; controlUrl?: string }>;
};

export type StudioOptions = {
  dataDir: string;
  webPort: number;
  webMode: 'dev' | 'start';
  pgPort?: number;
  awsPort?: number;
  anvilBasePort?: number;
  quiet?: boolean;
  extraEnv?: Record<string, string>;
};

export type Studio = { webUrl: string; databaseUrl: string; sim: SimEndpoints; env: NodeJS.ProcessEnv; children: Child[]; stop(): Promise<void> };

async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return withDatabaseName(serverUrl, name);
}

export async function startStudio(opts: StudioOptions): Promise<Studio> {
  const log = (msg: string) => !opts.quiet && process.stdout.write(`[studio] ${msg}\n`);
  mkdirSync(opts.dataDir, { recursive: true });
  const children: Child[] = [];
  let database: Database | undefined;
  const stop = async () => {
    await Promise.allSettled(children.reverse().map((c) => c.stop()));
    await database?.stop().catch(() => undefined);
  };
  try {
    database = await startDatabase({ dataDir: path.join(opts.dataDir, 'pg'), port: opts.pgPort ?? (await freePort()) });
    const databaseUrl = database.embedded ? await ensureDatabase(database.url, 'studio') : database.url;
    const migrated = await prepareDatabase(databaseUrl);
    log(`database ready (${database.embedded ? 'embedded' : 'DATABASE_URL'}; ${migrated.applied.length} migrations applied)`);

    const baseEnv: NodeJS.ProcessEnv = { ...process.env, ...devSecrets(opts.dataDir), NEXT_TELEMETRY_DISABLED: '1', ...opts.extraEnv };
    const sim = startChild('sim', ['--import', 'tsx', 'sim/main.ts', '--aws-port', String(opts.awsPort ?? 0), '--anvil-base-port', String(opts.anvilBasePort ?? 0), '--data-dir', path.join(opts.dataDir, 'sim')], { env: baseEnv, quiet: true });
    children.push(sim);
    const endpoints = await waitForLine(sim, (line) => (line.startsWith('{"aws"') ? (JSON.parse(line) as SimEndpoints) : undefined), 30_000);
    log(`simulators ready: EC2/CloudWatch at ${endpoints.aws.endpoint}, ${Object.keys(endpoints.anvils).length} Anvils`);

    const env: NodeJS.ProcessEnv = {
      ...baseEnv,
      DATABASE_URL: databaseUrl,
      AWS_ENDPOINT_URL: endpoints.aws.endpoint,
      AWS_ACCESS_KEY_ID: endpoints.aws.accessKeyId,
      AWS_SECRET_ACCESS_KEY: endpoints.aws.secretAccessKey,
    };
    Object.assign(process.env, env);
    const { seedDemoStudio } = await import('../seed/demo-studio');
    const seeded = await seedDemoStudio({ sim: endpoints, dataDir: opts.dataDir });
    log(seeded ? 'demo studio seeded' : 'existing data kept (seed runs on the first start only)');

    children.push(startChild('workers', ['--import', 'tsx', 'workers/main.ts'], { env: { ...env, STUDIO_SERVICE: 'workers' }, quiet: opts.quiet }));
    const next = 'node_modules/next/dist/bin/next';
    const webArgs = opts.webMode === 'dev' ? [next, 'dev', '-p', String(opts.webPort), '-H', '127.0.0.1'] : [next, 'start', '-p', String(opts.webPort), '-H', '127.0.0.1'];
    const web = startChild('web', webArgs, { env: { ...env, NODE_ENV: opts.webMode === 'dev' ? 'development' : 'production' }, quiet: opts.quiet });
    children.push(web);
    const webUrl = `http://127.0.0.1:${opts.webPort}`;
    await Promise.race([waitForHttp(`${webUrl}/api/health`, 120_000), web.exited.then((c) => Promise.reject(new Error(`web exited with code ${c}`)))]);
    return { webUrl, databaseUrl, sim: endpoints, env, children, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
