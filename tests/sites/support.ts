/**
 * The studio the site lifecycle tests run against: the Hammerspace simulator (four Anvils: East home,
 * West and London joined by `projects`, Sydney up but alone) and the AWS simulator, both over HTTP, the
 * three joined sites in the test's own database with launch profiles and prices, an admin and an artist.
 */
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll } from 'vitest';
import { closeAnvilClients, createAnvilClient } from '@/lib/adapters/hammerspace';
import { destroyAwsClients } from '@/lib/adapters/aws/clients';
import type { Actor } from '@/lib/domain/auth/actor';
import { resetEnvCache } from '@/lib/env';
import { clientConfig, controlApi } from '@/sim/aws/harness';
import { startAwsSimulator, type AwsSimulator } from '@/sim/aws/server';
import { setupTestDatabase } from '../helpers/db';
import { seedStudio, sim, startTestCluster, type TestCluster } from '../hammerspace/support';

export { sleep, until } from '../hammerspace/support';

export type SitesWorld = {
  hs: TestCluster;
  aws: AwsSimulator;
  awsControl: ReturnType<typeof controlApi>;
  admin: Actor;
  artistId: string;
  sites: { east: string; west: string; london: string };
  shareId: string;
};

export const PROFILE_IMAGE = 'Flame 2026.1 Rocky 9';

export async function amiIn(aws: AwsSimulator, region: string, name = PROFILE_IMAGE): Promise<string> {
  const ec2 = new EC2Client({ ...clientConfig(aws, region), maxAttempts: 1 });
  const out = await ec2.send(new DescribeImagesCommand({ Filters: [{ Name: 'name', Values: [name] }] }));
  ec2.destroy();
  const id = out.Images?.[0]?.ImageId;
  if (!id) throw new Error(`no image ${name} in ${region}`);
  return id;
}

/** Call at the top level of a test file. */
export function setupSitesWorld(opts: { taskStepMs?: number; linkDelayMs?: number; transitionMs?: number } = {}) {
  const t = setupTestDatabase();
  const world = {} as SitesWorld;
  beforeAll(async () => {
    world.hs = await startTestCluster({ taskStepMs: opts.taskStepMs ?? 30, linkDelayMs: opts.linkDelayMs ?? 150 });
    world.aws = await startAwsSimulator({ port: 0, transitionMs: opts.transitionMs ?? 150, throttling: false });
    world.awsControl = controlApi(world.aws.endpoint);
    Object.assign(process.env, { AWS_ENDPOINT_URL: world.aws.endpoint, AWS_ACCESS_KEY_ID: world.aws.accessKeyId, AWS_SECRET_ACCESS_KEY: world.aws.secretAccessKey });
    resetEnvCache();
    const seeded = await seedStudio(t.db, world.hs.cluster);
    world.admin = seeded.actor;
    world.shareId = seeded.shareId;
    world.sites = { east: seeded.east, west: seeded.west, london: seeded.london };
    const artist = await t.db.user.create({ data: { email: 'chloe@studio.example', name: 'Chloe', roles: ['artist'] } });
    world.artistId = artist.id;
    await t.db.instanceTypePrice.createMany({ data: [{ instanceType: 'g5.4xlarge', hourlyUsd: 1.624 }, { instanceType: 'g4dn.2xlarge', hourlyUsd: 0.752 }] });
    for (const [siteId, region] of [[seeded.east, 'us-east-1'], [seeded.london, 'eu-west-2']] as const) {
      await t.db.launchProfile.create({ data: { siteId, name: 'Flame', kind: 'flame', amiId: await amiIn(world.aws, region), instanceTypes: ['g5.4xlarge', 'g4dn.2xlarge'], volumeSizeGb: 500 } });
    }
  });
  afterAll(async () => {
    closeAnvilClients();
    destroyAwsClients();
    await world.aws?.close();
    await world.hs?.stop();
  });
  return { t, world };
}

/** An Anvil of the simulated studio, spoken to through the product's own client (not through a site row). */
export function anvilOf(world: SitesWorld, region: string) {
  const d = world.hs.cluster.describe()[region];
  if (!d) throw new Error(`no Anvil for ${region}`);
  return createAnvilClient({ siteId: `test-${region}`, siteName: d.name, url: d.url, username: d.username, password: d.password, trustSelfSigned: false });
}

export const describeAnvil = (world: SitesWorld, region: string) => {
  const d = world.hs.cluster.describe()[region];
  if (!d) throw new Error(`no Anvil for ${region}`);
  return d;
};

export const hsControl = <T = unknown>(world: SitesWorld, method: string, path: string, body?: unknown) => sim<T>(world.hs, method, path, body);
