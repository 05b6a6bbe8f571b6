/**
 * A small studio for the workstation tests: its own database (cloned template), the AWS simulator
 * in-process over HTTP (the product reaches it through the real SDK, via AWS_ENDPOINT_URL), an admin,
 * two artists, Studio West (us-west-2) with a Flame profile, and prices.
 */
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll } from 'vitest';
import { destroyAwsClients } from '@/lib/adapters/aws/clients';
import type { Actor } from '@/lib/domain/auth/actor';
import { resetEnvCache } from '@/lib/env';
import { clientConfig, controlApi } from '@/sim/aws/harness';
import { startAwsSimulator, type AwsSimulator } from '@/sim/aws/server';
import { setupTestDatabase } from '../../helpers/db';

export type World = {
  sim: AwsSimulator;
  control: ReturnType<typeof controlApi>;
  admin: Actor;
  ana: Actor;
  ben: Actor;
  site: { id: string; region: string };
  profileId: string;
  ami: string;
};

const user = (id: string, email: string, name: string, roles: Actor['roles']): Actor => ({ kind: 'user', userId: id, email, name, roles });

export async function amiFor(sim: AwsSimulator, region: string, name = 'Flame 2026.1 Rocky 9'): Promise<string> {
  const ec2 = new EC2Client({ ...clientConfig(sim, region), maxAttempts: 1 });
  const out = await ec2.send(new DescribeImagesCommand({ Filters: [{ Name: 'name', Values: [name] }] }));
  ec2.destroy();
  const id = out.Images?.[0]?.ImageId;
  if (!id) throw new Error(`no image ${name} in ${region}`);
  return id;
}

export async function addSite(t: ReturnType<typeof setupTestDatabase>, sim: AwsSimulator, region: string, name: string, extra: Record<string, unknown> = {}) {
  const site = await t.db.site.create({ data: { region, name, state: 'active', ...extra } });
  const ami = await amiFor(sim, region);
  const profile = await t.db.launchProfile.create({
    data: { siteId: site.id, name: 'Flame', kind: 'flame', amiId: ami, instanceTypes: ['g5.4xlarge', 'g6e.4xlarge', 'g4dn.2xlarge'], volumeSizeGb: 500 },
  });
  return { site: { id: site.id, region }, profileId: profile.id, ami };
}

/** Call at the top level of a test file. `transitionMs` is how long EC2 transitions take in the simulator. */
export function setupWorkstationWorld(opts: { transitionMs?: number; throttling?: boolean } = {}) {
  const t = setupTestDatabase();
  const world = {} as World;
  beforeAll(async () => {
    world.sim = await startAwsSimulator({ port: 0, transitionMs: opts.transitionMs ?? 150, throttling: opts.throttling ?? true });
    world.control = controlApi(world.sim.endpoint);
    process.env.AWS_ENDPOINT_URL = world.sim.endpoint;
    process.env.AWS_ACCESS_KEY_ID = world.sim.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = world.sim.secretAccessKey;
    resetEnvCache();
    const people = [
      ['u_admin', 'admin@studio.example', 'Alex Admin', ['admin']],
      ['u_ana', 'ana@studio.example', 'Ana Artist', ['artist']],
      ['u_ben', 'ben@studio.example', 'Ben Artist', ['artist']],
    ] as const;
    for (const [id, email, name, roles] of people) await t.db.user.create({ data: { id, email, name, roles: [...roles] } });
    world.admin = user('u_admin', 'admin@studio.example', 'Alex Admin', ['admin']);
    world.ana = user('u_ana', 'ana@studio.example', 'Ana Artist', ['artist']);
    world.ben = user('u_ben', 'ben@studio.example', 'Ben Artist', ['artist']);
    for (const [instanceType, hourlyUsd] of [['g5.4xlarge', 1.624], ['g6e.4xlarge', 3.004], ['g4dn.2xlarge', 0.752]] as const) {
      await t.db.instanceTypePrice.create({ data: { instanceType, hourlyUsd } });
    }
    Object.assign(world, await addSite(t, world.sim, 'us-west-2', 'Studio West', { idleStopMinutes: 120, idleWarnMinutes: 10 }));
  });
  afterAll(async () => {
    destroyAwsClients();
    await world.sim?.close();
  });
  return { t, world };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Instances the simulator holds for a site, counted through its control API (not through the product). */
export async function simInstances(world: World, query = '') {
  return world.control.get<{ count: number; instances: Array<{ instanceId: string; state: string; clientToken: string; tags: Record<string, string> }> }>(
    `instances?tag:studio:site=${world.site.region}${query}`,
  );
}
