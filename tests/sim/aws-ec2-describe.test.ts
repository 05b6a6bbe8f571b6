import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CreateLaunchTemplateCommand,
  CreateTagsCommand,
  DeleteTagsCommand,
  DescribeAvailabilityZonesCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeLaunchTemplatesCommand,
  DescribeRegionsCommand,
  EC2Client,
  RunInstancesCommand,
  TerminateInstancesCommand,
  type Filter,
} from '@aws-sdk/client-ec2';
import { startAwsSimulator, type AwsSimulator } from '@/sim/aws/server';
import { awsErrorOf, clientConfig, controlApi } from '@/sim/aws/harness';

// Contract tests: reads (Describe*), filters, paging, tags and the catalog, through the real SDK.
let sim: AwsSimulator;
let ec2: EC2Client;
let control: ReturnType<typeof controlApi>;
let ami: string;

beforeAll(async () => {
  sim = await startAwsSimulator({ transitionMs: 50 });
  ec2 = new EC2Client({ ...clientConfig(sim, 'eu-west-2'), maxAttempts: 1 });
  control = controlApi(sim.endpoint);
  ami = (await ec2.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images?.[0]?.ImageId ?? '';
});

afterAll(async () => {
  ec2.destroy();
  await sim.close();
});

beforeEach(async () => {
  await control.post('reset');
});

async function launch(count: number, type: string, tags: Record<string, string>): Promise<string[]> {
  const out = await ec2.send(
    new RunInstancesCommand({
      ImageId: ami,
      InstanceType: type as never,
      MinCount: count,
      MaxCount: count,
      TagSpecifications: [{ ResourceType: 'instance', Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }],
    }),
  );
  return out.Instances?.map((i) => i.InstanceId as string) ?? [];
}

async function ids(filters: Filter[]): Promise<string[]> {
  const out = await ec2.send(new DescribeInstancesCommand({ Filters: filters }));
  return (out.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId as string);
}

describe('DescribeInstances', () => {
  it('filters by tag, tag-key, instance type and state (values OR, filters AND, wildcards)', async () => {
    const lax = await launch(2, 'g5.4xlarge', { 'studio:site': 'lax', Name: 'ws-a' });
    const lon = await launch(1, 'g5.8xlarge', { 'studio:site': 'lon' });
    const untagged = await launch(1, 'g5.4xlarge', { other: 'x' });
    expect(await ids([{ Name: 'tag:studio:site', Values: ['lax'] }])).toEqual(lax);
    expect((await ids([{ Name: 'tag:studio:site', Values: ['lax', 'lon'] }])).sort()).toEqual([...lax, ...lon].sort());
    expect((await ids([{ Name: 'tag-key', Values: ['studio:site'] }])).sort()).toEqual([...lax, ...lon].sort());
    expect(await ids([{ Name: 'instance-type', Values: ['g5.8xlarge'] }])).toEqual(lon);
    expect(await ids([{ Name: 'tag:studio:site', Values: ['l*'] }, { Name: 'instance-type', Values: ['g5.4xlarge'] }])).toEqual(lax);
    expect(await ids([{ Name: 'instance-state-name', Values: ['stopped'] }])).toEqual([]);
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: untagged }));
    expect(await ids([{ Name: 'instance-state-name', Values: ['shutting-down', 'terminated'] }])).toEqual(untagged);
    const bad = await awsErrorOf(ids([{ Name: 'no-such-filter', Values: ['x'] }]));
    expect(bad.name).toBe('InvalidParameterValue');
  });

  it('pages by instances with MaxResults and NextToken, visiting each instance once', async () => {
    const all = [...(await launch(7, 'g5.2xlarge', { batch: '1' })), ...(await launch(6, 'g5.2xlarge', { batch: '2' }))];
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const out = await ec2.send(new DescribeInstancesCommand({ MaxResults: 5, NextToken: token }));
      const page = (out.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId as string);
      expect(page.length).toBeLessThanOrEqual(5);
      seen.push(...page);
      token = out.NextToken;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
    expect((await awsErrorOf(ec2.send(new DescribeInstancesCommand({ MaxResults: 3 })))).name).toBe('InvalidParameterValue');
    expect((await awsErrorOf(ec2.send(new DescribeInstancesCommand({ MaxResults: 5, NextToken: 'garbage' })))).name).toBe('InvalidParameterValue');
  });

  it('names unknown ids InvalidInstanceID.NotFound and malformed ones InvalidInstanceID.Malformed', async () => {
    const [id] = await launch(1, 'g5.xlarge', {});
    const found = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id!] }));
    expect(found.Reservations?.[0]?.Instances?.[0]?.InstanceId).toBe(id);
    const missing = await awsErrorOf(ec2.send(new DescribeInstancesCommand({ InstanceIds: [id!, 'i-0123456789abcdef0'] })));
    expect(missing.name).toBe('InvalidInstanceID.NotFound');
    expect(missing.message).toContain('i-0123456789abcdef0');
    const malformed = await awsErrorOf(ec2.send(new TerminateInstancesCommand({ InstanceIds: ['i-nope'] })));
    expect(malformed.name).toBe('InvalidInstanceID.Malformed');
  });

  it('keeps regions apart: an instance launched in one region is unknown in another', async () => {
    const [id] = await launch(1, 'g5.xlarge', {});
    const other = new EC2Client({ ...clientConfig(sim, 'ap-southeast-2'), maxAttempts: 1 });
    expect((await awsErrorOf(other.send(new DescribeInstancesCommand({ InstanceIds: [id!] })))).name).toBe('InvalidInstanceID.NotFound');
    expect((await other.send(new DescribeInstancesCommand({}))).Reservations).toEqual([]);
    other.destroy();
  });
});

describe('tags', () => {
  it('CreateTags adds and overwrites, DeleteTags removes by key or key+value, and filters see it at once', async () => {
    const [a, b] = await launch(2, 'g5.xlarge', { Name: 'ws' });
    await ec2.send(new CreateTagsCommand({ Resources: [a!, b!], Tags: [{ Key: 'artist', Value: 'mia' }] }));
    await ec2.send(new CreateTagsCommand({ Resources: [b!], Tags: [{ Key: 'artist', Value: 'noah' }] }));
    expect(await ids([{ Name: 'tag:artist', Values: ['mia'] }])).toEqual([a]);
    expect(await ids([{ Name: 'tag:artist', Values: ['noah'] }])).toEqual([b]);
    await ec2.send(new DeleteTagsCommand({ Resources: [a!, b!], Tags: [{ Key: 'artist', Value: 'mia' }] }));
    expect(await ids([{ Name: 'tag-key', Values: ['artist'] }])).toEqual([b]);
    await ec2.send(new DeleteTagsCommand({ Resources: [b!] }));
    expect(await ids([{ Name: 'tag-key', Values: ['artist', 'Name'] }])).toEqual([a]);
    const reserved = await awsErrorOf(ec2.send(new CreateTagsCommand({ Resources: [a!], Tags: [{ Key: 'aws:x', Value: '1' }] })));
    expect(reserved.name).toBe('InvalidParameterValue');
    const unknown = await awsErrorOf(ec2.send(new CreateTagsCommand({ Resources: ['i-0123456789abcdef0'], Tags: [{ Key: 'k', Value: 'v' }] })));
    expect(unknown.name).toBe('InvalidInstanceID.NotFound');
  });
});

describe('catalog and launch templates', () => {
  it('lists regions with endpoints and the signed region’s availability zones', async () => {
    const regions = await ec2.send(new DescribeRegionsCommand({}));
    expect(regions.Regions?.length).toBeGreaterThanOrEqual(32);
    expect(regions.Regions).toContainEqual({ RegionName: 'us-west-2', Endpoint: 'ec2.us-west-2.amazonaws.com', OptInStatus: 'opt-in-not-required' });
    const one = await ec2.send(new DescribeRegionsCommand({ RegionNames: ['eu-west-2'] }));
    expect(one.Regions?.map((r) => r.RegionName)).toEqual(['eu-west-2']);
    const zones = await ec2.send(new DescribeAvailabilityZonesCommand({}));
    expect(zones.AvailabilityZones?.map((z) => [z.ZoneName, z.ZoneId, z.State])).toEqual([
      ['eu-west-2a', 'euw2-az1', 'available'],
      ['eu-west-2b', 'euw2-az2', 'available'],
      ['eu-west-2c', 'euw2-az3', 'available'],
    ]);
  });

  it('serves Flame/Flare AMIs with ids stable per region, filterable by owner, name and tag', async () => {
    const mine = await ec2.send(new DescribeImagesCommand({ Owners: ['self'] }));
    const names = mine.Images?.map((i) => i.Name);
    expect(names).toEqual(expect.arrayContaining(['Flame 2026.1 Rocky 9', 'Flare 2026.1 Rocky 9']));
    const flare = await ec2.send(new DescribeImagesCommand({ Filters: [{ Name: 'tag:studio:product', Values: ['flare'] }] }));
    expect(flare.Images?.map((i) => i.Name)).toEqual(['Flare 2026.1 Rocky 9']);
    const everyone = await ec2.send(new DescribeImagesCommand({}));
    expect(everyone.Images?.length).toBeGreaterThan(mine.Images?.length ?? 0);
    const again = await ec2.send(new DescribeImagesCommand({ Owners: ['self'] }));
    expect(again.Images?.map((i) => i.ImageId)).toEqual(mine.Images?.map((i) => i.ImageId));
    const west = new EC2Client({ ...clientConfig(sim, 'us-west-2'), maxAttempts: 1 });
    const westIds = (await west.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images?.map((i) => i.ImageId);
    expect(westIds).not.toEqual(mine.Images?.map((i) => i.ImageId));
    west.destroy();
    const missing = await awsErrorOf(ec2.send(new DescribeImagesCommand({ ImageIds: ['ami-0123456789abcdef0'] })));
    expect(missing.name).toBe('InvalidAMIID.NotFound');
  });

  it('creates and describes launch templates, refusing duplicate names', async () => {
    const created = await ec2.send(
      new CreateLaunchTemplateCommand({
        LaunchTemplateName: 'flare-v1',
        LaunchTemplateData: { ImageId: ami, InstanceType: 'g5.xlarge' },
        TagSpecifications: [{ ResourceType: 'launch-template', Tags: [{ Key: 'studio', Value: 'yes' }] }],
      }),
    );
    expect(created.LaunchTemplate?.LaunchTemplateId).toMatch(/^lt-[0-9a-f]{17}$/);
    expect(created.LaunchTemplate?.LatestVersionNumber).toBe(1);
    const dup = await awsErrorOf(
      ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'flare-v1', LaunchTemplateData: { ImageId: ami } })),
    );
    expect(dup.name).toBe('InvalidLaunchTemplateName.AlreadyExistsException');
    const byName = await ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: ['flare-v1'] }));
    expect(byName.LaunchTemplates?.map((t) => [t.LaunchTemplateId, t.Tags])).toEqual([
      [created.LaunchTemplate?.LaunchTemplateId, [{ Key: 'studio', Value: 'yes' }]],
    ]);
    const byTag = await ec2.send(new DescribeLaunchTemplatesCommand({ Filters: [{ Name: 'tag:studio', Values: ['yes'] }] }));
    expect(byTag.LaunchTemplates).toHaveLength(1);
    const missing = await awsErrorOf(ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: ['nope'] })));
    expect(missing.name).toBe('InvalidLaunchTemplateName.NotFoundException');
  });
});

describe('DescribeInstances under the default request bucket', () => {
  // AWS's Describe* bucket (100 tokens, 20/s refill) against 300 calls: the only way through is the
  // SDK's own backoff, so this takes ~10 s by construction (200 calls at 20/s). It sits in this file
  // so that it starts first and runs beside the other files.
  it('throttles 300 rapid DescribeInstances with RequestLimitExceeded and the SDK standard retry recovers them all', async () => {
    // Standard retry mode, as the product uses it; more attempts than the default 3 because a retry
    // drawn early in its 0–1 s jitter window can meet a still-empty bucket.
    const burst = new EC2Client({ ...clientConfig(sim, 'us-west-2'), retryMode: 'standard', maxAttempts: 8 });
    const lanes = 4;
    const perLane = 75;
    let attemptsBeyondFirst = 0;
    const results = await Promise.all(
      Array.from({ length: lanes }, async () => {
        let ok = 0;
        for (let i = 0; i < perLane; i++) {
          const out = await burst.send(new DescribeInstancesCommand({ MaxResults: 5 }));
          attemptsBeyondFirst += (out.$metadata.attempts ?? 1) - 1;
          ok++;
        }
        return ok;
      }),
    );
    burst.destroy();
    expect(results.reduce((a, b) => a + b, 0)).toBe(300);
    expect(attemptsBeyondFirst).toBeGreaterThan(0);

    const counters = await control.get<{ rows: Array<{ action: string; region: string; succeeded: number; throttled: number; errors: Record<string, number> }> }>(
      'counters?action=DescribeInstances&region=us-west-2',
    );
    const row = counters.rows[0];
    expect(row?.succeeded).toBe(300);
    expect(row?.throttled).toBeGreaterThan(0);
    expect(row?.errors.RequestLimitExceeded).toBe(row?.throttled);
  }, 25_000);
});
