import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DescribeImagesCommand, DescribeInstancesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { startAwsSimulator, type AwsSimulator } from '@/sim/aws/server';
import { awsErrorOf, clientConfig, controlApi } from '@/sim/aws/harness';

// Throttling that is cheap to observe: small buckets, resource buckets, injected rates, counters.
// (The 300-call burst against the default Describe* bucket lives in aws-ec2-describe.test.ts.)
let sim: AwsSimulator;
let control: ReturnType<typeof controlApi>;
const clients: EC2Client[] = [];

const client = (region: string) => {
  const c = new EC2Client({ ...clientConfig(sim, region), maxAttempts: 1 });
  clients.push(c);
  return c;
};

beforeAll(async () => {
  sim = await startAwsSimulator({ transitionMs: 50, seed: 7 });
  control = controlApi(sim.endpoint);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await sim.close();
});

beforeEach(async () => {
  await control.post('reset');
});

async function amiIn(ec2: EC2Client): Promise<string> {
  return (await ec2.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images?.[0]?.ImageId ?? '';
}

describe('token buckets', () => {
  it('RunInstances has a bucket of 5 per region: the sixth rapid call gets RequestLimitExceeded (503)', async () => {
    const ec2 = client('us-west-2');
    const ImageId = await amiIn(ec2);
    // Sent together, so the bucket's refill (2/s) cannot hide the limit on a slow, busy machine.
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => ec2.send(new RunInstancesCommand({ ImageId, MinCount: 1, MaxCount: 1 }))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    const err = await awsErrorOf(Promise.reject(rejected?.reason));
    expect(err.name).toBe('RequestLimitExceeded');
    expect(err.$metadata?.httpStatusCode).toBe(503);
    // Buckets are per region: another region still has its five tokens.
    const east = client('us-east-1');
    const eastAmi = await amiIn(east);
    expect((await east.send(new RunInstancesCommand({ ImageId: eastAmi, MinCount: 1, MaxCount: 1 }))).Instances).toHaveLength(1);
  });

  it('counts instances against the RunInstances resource bucket (1,000)', async () => {
    const ec2 = client('us-west-2');
    const ImageId = await amiIn(ec2);
    const err = await awsErrorOf(ec2.send(new RunInstancesCommand({ ImageId, MinCount: 1001, MaxCount: 1001 })));
    expect(err.name).toBe('RequestResourceCountExceeded');
    expect((await control.get<{ count: number }>('instances')).count).toBe(0);
  });

  it('can be resized or switched off through the control API', async () => {
    await control.post('buckets', { action: 'DescribeInstances', capacity: 2, refillPerSecond: 0.001 });
    const ec2 = client('us-west-2');
    await ec2.send(new DescribeInstancesCommand({}));
    await ec2.send(new DescribeInstancesCommand({}));
    expect((await awsErrorOf(ec2.send(new DescribeInstancesCommand({})))).name).toBe('RequestLimitExceeded');
    await control.post('buckets', { enabled: false });
    for (let i = 0; i < 10; i++) await ec2.send(new DescribeInstancesCommand({}));
    const snapshot = await control.get<{ enabled: boolean }>('buckets');
    expect(snapshot.enabled).toBe(false);
  });
});

describe('injected throttling', () => {
  it('fails the given fraction of one action’s calls, optionally in one region only', async () => {
    await control.post('faults/throttle', { action: 'DescribeInstances', rate: 1, region: 'eu-west-1' });
    expect((await awsErrorOf(client('eu-west-1').send(new DescribeInstancesCommand({})))).name).toBe('RequestLimitExceeded');
    await client('eu-west-2').send(new DescribeInstancesCommand({}));

    await control.post('buckets', { enabled: false });
    await control.post('faults/throttle', { action: 'DescribeInstances', rate: 0.5 });
    const ec2 = client('us-east-2');
    let failed = 0;
    for (let i = 0; i < 60; i++) {
      await ec2.send(new DescribeInstancesCommand({})).catch((e: Error) => {
        expect(e.name).toBe('RequestLimitExceeded');
        failed++;
      });
    }
    expect(failed).toBeGreaterThan(15);
    expect(failed).toBeLessThan(45);
    const counters = await control.get<{ rows: Array<{ throttled: number; requests: number }> }>('counters?action=DescribeInstances&region=us-east-2');
    expect(counters.rows[0]).toMatchObject({ requests: 60, throttled: failed });

    await control.post('faults/throttle', { action: 'DescribeInstances', rate: 0 });
    const faults = await control.get<{ throttle: Array<{ action: string; region: string | null }> }>('faults');
    expect(faults.throttle).toEqual([{ action: 'DescribeInstances', region: 'eu-west-1', rate: 1 }]);
  });

  it('counts requests per action and region, and resets the counters', async () => {
    await client('us-west-2').send(new DescribeInstancesCommand({}));
    await client('us-west-2').send(new DescribeImagesCommand({}));
    await client('ca-central-1').send(new DescribeInstancesCommand({}));
    const all = await control.get<{ totals: { requests: number }; rows: Array<{ region: string; action: string; requests: number }> }>('counters');
    expect(all.totals.requests).toBe(3);
    expect(all.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ region: 'us-west-2', action: 'DescribeInstances', requests: 1 }),
        expect.objectContaining({ region: 'ca-central-1', action: 'DescribeInstances', requests: 1 }),
      ]),
    );
    await control.post('counters/reset');
    expect((await control.get<{ totals: { requests: number } }>('counters')).totals.requests).toBe(0);
  });
});
