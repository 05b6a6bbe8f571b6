/**
 * Starts one Anvil per site, joined by the replication bus, plus the /_sim control server.
 * Joined sites know each other as remote sites and share their GFS shares from the start; a site
 * that is not joined is up but alone, waiting for the bring-up workflow (POST /sites, then
 * POST /share-participants at the home Anvil).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Anvil, defaultPassword } from './anvil';
import { anvilHandler } from './anvil-server';
import { startControlServer } from './control';
import { linkSites, seedGlobalShare } from './membership';
import type { SiteSpec } from './model';
import { World, type SimConfig } from './world';

export type { SiteSpec } from './model';

export const DEFAULT_SITES: SiteSpec[] = [
  { region: 'us-east-1', name: 'Studio East', home: true, joined: true, shares: ['projects'] },
  { region: 'us-west-2', name: 'Studio West', joined: true, shares: ['projects'] },
  { region: 'eu-west-2', name: 'London', joined: true, shares: ['projects'] },
  { region: 'ap-southeast-2', name: 'Sydney', joined: false },
].map((s) => ({
  ...s,
  username: 'admin',
  password: defaultPassword(s.region),
  viewerUsername: 'viewer',
  viewerPassword: defaultPassword(s.region, 'viewer'),
}));

export interface AnvilClusterOptions {
  sites: SiteSpec[];
  /** First port; site i listens on basePort + i and the control API on basePort + sites.length. 0 = any free ports. */
  basePort?: number;
  dataDir: string;
  host?: string;
  /** Default one-way metadata delay of every link (ms). */
  linkDelayMs?: number;
  /** Per-link delays, keyed "from>to" by region, e.g. { "us-east-1>eu-west-2": 5000 }. */
  linkDelays?: Record<string, number>;
  config?: Partial<SimConfig>;
}

export interface AnvilDescription {
  name: string;
  url: string;
  username: string;
  password: string;
  viewerUsername: string;
  viewerPassword: string;
  shareRoot: string;
  controlUrl: string;
  metricsUrl: string;
}

export interface AnvilCluster {
  describe(): Record<string, AnvilDescription>;
  /** Base of the control API (http://host:port/_sim). */
  controlUrl: string;
  close(): Promise<void>;
}

export async function startAnvilCluster(opts: AnvilClusterOptions): Promise<AnvilCluster> {
  const host = opts.host ?? '127.0.0.1';
  const basePort = opts.basePort ?? 0;
  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const world = new World(dataDir, host, opts.linkDelayMs ?? 3000, opts.config);
  for (const [key, ms] of Object.entries(opts.linkDelays ?? {})) world.bus.delayOverrides.set(key, ms);

  const regions = new Set<string>();
  for (const spec of opts.sites) {
    if (regions.has(spec.region)) throw new Error(`Duplicate site region ${spec.region}`);
    regions.add(spec.region);
    world.anvils.set(spec.region, new Anvil(world, spec, anvilHandler));
  }
  const joined = [...world.anvils.values()].filter((a) => a.spec.joined);
  for (const a of joined) for (const b of joined) if (a !== b) linkSites(a, b);
  const shareNames = new Set(joined.flatMap((a) => a.spec.shares ?? ['projects']));
  for (const name of shareNames) {
    seedGlobalShare(world, joined.filter((a) => (a.spec.shares ?? ['projects']).includes(name)), name);
  }

  try {
    for (const a of world.anvils.values()) await world.folders.watch(a.region);
    let i = 0;
    for (const a of world.anvils.values()) await a.start(basePort ? basePort + i++ : 0);
    const control = await startControlServer(world, basePort ? basePort + opts.sites.length : 0);
    world.start();
    return {
      controlUrl: `${control.url}/_sim`,
      describe: () =>
        Object.fromEntries(
          [...world.anvils.values()].map((a) => [
            a.region,
            {
              name: a.name,
              url: a.apiUrl,
              username: a.users[0]?.username ?? 'admin',
              password: a.users[0]?.password ?? '',
              viewerUsername: a.users[1]?.username ?? 'viewer',
              viewerPassword: a.users[1]?.password ?? '',
              shareRoot: world.folders.siteRoot(a.region),
              controlUrl: `${control.url}/_sim/sites/${a.region}`,
              metricsUrl: `${a.origin}/metrics`,
            },
          ]),
        ),
      close: async () => {
        await control.close();
        await world.close();
      },
    };
  } catch (err) {
    await world.close();
    throw err;
  }
}
