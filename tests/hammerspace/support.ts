/**
 * Shared set-up of the Hammerspace integration tests: a real Anvil cluster (the simulator, over HTTP)
 * with short link delays and task steps, the demo sites and share written into the test's own
 * database, and the actors services are called with.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { control } from '@/sim/hammerspace/client';
import { DEFAULT_SITES, startAnvilCluster, type AnvilCluster } from '@/sim/hammerspace/cluster';
import type { Db } from '@/lib/db/client';
import type { Actor } from '@/lib/domain/auth/actor';
import { sealSecret } from '@/lib/services/secrets';

export { control, until } from '@/sim/hammerspace/client';

export const STUDIO_SITES = [
  { region: 'us-east-1', name: 'Studio East', isHome: true },
  { region: 'us-west-2', name: 'Studio West', isHome: false },
  { region: 'eu-west-2', name: 'London', isHome: false },
] as const;

export type TestCluster = { cluster: AnvilCluster; dataDir: string; ctl: string; stop(): Promise<void> };

export async function startTestCluster(opts: { linkDelayMs?: number; linkDelays?: Record<string, number>; taskStepMs?: number } = {}): Promise<TestCluster> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-test-'));
  const cluster = await startAnvilCluster({
    sites: DEFAULT_SITES, basePort: 0, dataDir, linkDelayMs: opts.linkDelayMs ?? 150, linkDelays: opts.linkDelays,
    config: { taskStepMs: opts.taskStepMs ?? 30 },
  });
  return {
    cluster, dataDir, ctl: cluster.controlUrl,
    stop: async () => {
      await cluster.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The three studio sites (East is home) and the `projects` share, pointing at the cluster's Anvils. */
export async function seedStudio(db: Db, cluster: AnvilCluster, opts: { lagAlertSeconds?: number } = {}) {
  const d = cluster.describe();
  const share = await db.share.create({ data: { name: 'projects', path: '/projects', lagAlertSeconds: opts.lagAlertSeconds ?? 30 } });
  const sites: Record<string, string> = {};
  for (const s of STUDIO_SITES) {
    const a = d[s.region];
    if (!a) throw new Error(`no simulated Anvil for ${s.region}`);
    const site = await db.site.create({
      data: {
        region: s.region, name: s.name, isHome: s.isHome, state: 'active',
        anvilUrl: a.url, anvilUsername: a.username, anvilPasswordEnc: sealSecret(a.password), publishRoot: path.join(a.shareRoot, 'projects'),
      },
    });
    sites[s.region] = site.id;
    await db.shareParticipant.create({ data: { shareId: share.id, siteId: site.id, operState: 'UP' } });
  }
  const admin = await db.user.create({ data: { email: 'it@studio.example', name: 'IT Admin', roles: ['admin'] } });
  const actor: Actor = { kind: 'user', userId: admin.id, email: admin.email, name: admin.name, roles: ['admin'] };
  return { shareId: share.id, sites, east: sites['us-east-1'] as string, west: sites['us-west-2'] as string, london: sites['eu-west-2'] as string, actor, adminId: admin.id };
}

export const producer: Actor = { kind: 'user', userId: 'nobody', email: 'p@studio.example', name: 'P', roles: ['producer'] };

/** The control API path of one site, e.g. `site('us-east-1')` → `/sites/us-east-1`. */
export const site = (region: string) => `/sites/${region}`;

export async function sim<T = unknown>(t: TestCluster, method: string, p: string, body?: unknown): Promise<T> {
  const r = await control<T>(t.ctl, method, p, body);
  if (r.status >= 400) throw new Error(`control ${method} ${p} answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
