/**
 * The benchmark's studio: one active site per region, N instances launched in one RunInstances call per
 * region (tagged as ours), and N workstation rows (N per region: `counts[i]` for `regions[i]`) that already know their instance ids, inserted in bulk.
 */
import type { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { db } from '../../lib/db/client';

export type BenchSite = { id: string; region: string };

export async function setup(
  regions: string[],
  counts: number[],
  sim: { endpoint: string },
  client: (region: string) => EC2Client,
  Run: typeof RunInstancesCommand,
): Promise<BenchSite[]> {
  const sites: BenchSite[] = [];
  for (const [r, region] of regions.entries()) {
    const ec2 = client(region);
    const ids: string[] = [];
    for (let left = counts[r] ?? 0; left > 0; left -= 1000) {
      const out = await ec2.send(new Run({
        ImageId: await amiOf(sim.endpoint, region), InstanceType: 'g5.4xlarge', MinCount: Math.min(1000, left), MaxCount: Math.min(1000, left),
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'studio:managed', Value: 'true' }, { Key: 'studio:site', Value: region }] }],
      }));
      ids.push(...(out.Instances ?? []).map((i) => i.InstanceId!));
    }
    ec2.destroy();
    const site = await db().site.create({ data: { region, name: `Bench ${region}`, state: 'active' } });
    for (let i = 0; i < ids.length; i += 5000) {
      await db().workstation.createMany({
        data: ids.slice(i, i + 5000).map((instanceId, n) => {
          const id = `ws_${region.replace(/-/g, '')}_${i + n}`;
          return { id, siteId: site.id, name: `${region}-${i + n}`, instanceType: 'g5.4xlarge', desiredState: 'running' as const, clientToken: `${id}-g1`, instanceId };
        }),
      });
    }
    sites.push({ id: site.id, region });
  }
  return sites;
}

const amis = new Map<string, string>();

/** The Flame AMI of a region, through the simulator's control API (the bench needs no product code for it). */
export async function amiOf(endpoint: string, region: string): Promise<string> {
  if (!amis.has(region)) {
    const { DescribeImagesCommand, EC2Client } = await import('@aws-sdk/client-ec2');
    const c = new EC2Client({ region, endpoint, credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID!, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY! } });
    const out = await c.send(new DescribeImagesCommand({ Filters: [{ Name: 'name', Values: ['Flame 2026.1 Rocky 9'] }] }));
    c.destroy();
    amis.set(region, out.Images?.[0]?.ImageId ?? '');
  }
  return amis.get(region)!;
}
