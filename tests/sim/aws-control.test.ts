import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DescribeImagesCommand, DescribeInstancesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { startAwsSimulator, type AwsSimulator } from '@/sim/aws/server';
import { awsErrorOf, clientConfig, controlApi, signedEc2Call } from '@/sim/aws/harness';

// The control API (/_sim/*) and the speed the product's benchmark relies on.
let sim: AwsSimulator;
let ec2: EC2Client;
let control: ReturnType<typeof controlApi>;
let ami: string;

beforeAll(async () => {
  sim = await startAwsSimulator({ transitionMs: 50 });
  ec2 = new EC2Client({ ...clientConfig(sim, 'us-west-2'), maxAttempts: 1 });
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

interface InstanceView {
  instanceId: string;
  region: string;
  state: string;
  clientToken: string;
  tags: Record<string, string>;
  publicDnsName: string;
}

describe('control API', () => {
  it('lists and inspects instances with their ClientToken and tags', async () => {
    const run = await ec2.send(
      new RunInstancesCommand({
        ImageId: ami,
        MinCount: 1,
        MaxCount: 1,
        ClientToken: 'ws-1-gen-1',
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'studio:site', Value: 'lax' }] }],
      }),
    );
    const id = run.Instances?.[0]?.InstanceId as string;
    const list = await control.get<{ count: number; instances: InstanceView[] }>('instances?region=us-west-2&tag:studio:site=lax');
    expect(list.count).toBe(1);
    expect(list.instances[0]).toMatchObject({ instanceId: id, region: 'us-west-2', clientToken: 'ws-1-gen-1', tags: { 'studio:site': 'lax' } });
    const one = await control.get<InstanceView>(`instances/${id}`);
    expect(one.publicDnsName).toBe(run.Instances?.[0]?.PublicDnsName);
    expect((await control.get<{ count: number }>('instances?region=eu-west-1')).count).toBe(0);
  });

  it('removes an instance outright, as if it vanished', async () => {
    const id = (await ec2.send(new RunInstancesCommand({ ImageId: ami, MinCount: 1, MaxCount: 1 }))).Instances?.[0]?.InstanceId as string;
    await control.delete(`instances/${id}`);
    expect((await awsErrorOf(ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] })))).name).toBe('InvalidInstanceID.NotFound');
    await expect(control.get(`instances/${id}`)).rejects.toThrow(/404/);
  });

  it('forces a state without a transition (e.g. a stop AWS did on its own)', async () => {
    const id = (await ec2.send(new RunInstancesCommand({ ImageId: ami, MinCount: 1, MaxCount: 1 }))).Instances?.[0]?.InstanceId as string;
    await control.post(`instances/${id}/state`, { state: 'stopped' });
    const inst = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations?.[0]?.Instances?.[0];
    expect(inst?.State?.Name).toBe('stopped');
    expect(inst?.StateReason?.Code).toBe('Server.ScheduledStop');
  });

  it('changes transition delays and reports state, faults and buckets', async () => {
    const t = await control.post<Record<string, number>>('transitions', { pendingMs: 60_000 });
    expect(t.pendingMs).toBe(60_000);
    const id = (await ec2.send(new RunInstancesCommand({ ImageId: ami, MinCount: 1, MaxCount: 1 }))).Instances?.[0]?.InstanceId as string;
    await new Promise((r) => setTimeout(r, 120));
    expect((await control.get<InstanceView>(`instances/${id}`)).state).toBe('pending');
    const state = await control.get<{ regions: Array<{ region: string; byState: Record<string, number> }> }>('state');
    expect(state.regions).toContainEqual(expect.objectContaining({ region: 'us-west-2', byState: { pending: 1 } }));

    await control.post('faults/capacity', { region: 'us-west-2', instanceType: 'p5.48xlarge' });
    await control.post('faults/throttle', { action: 'StopInstances', rate: 0.25 });
    const faults = await control.get<{ capacity: unknown[]; throttle: unknown[] }>('faults');
    expect(faults.capacity).toHaveLength(1);
    expect(faults.throttle).toHaveLength(1);
    await control.delete('faults');
    expect(await control.get('faults')).toEqual({ throttle: [], capacity: [], vcpuLimits: {}, latencyMs: 0 });

    const buckets = await control.get<{ enabled: boolean; requestBuckets: Array<{ key: string; capacity: number }> }>('buckets');
    expect(buckets.enabled).toBe(true);
    expect(buckets.requestBuckets).toContainEqual(expect.objectContaining({ key: 'ec2|us-west-2|RunInstances', capacity: 5 }));
  });

  it('adds an API latency to every call until it is cleared, and refuses a negative one', async () => {
    await control.post('faults/latency', { ms: 300 });
    expect((await control.get<{ latencyMs: number }>('faults')).latencyMs).toBe(300);
    let t0 = performance.now();
    await ec2.send(new DescribeInstancesCommand({}));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    await control.delete('faults');
    t0 = performance.now();
    await ec2.send(new DescribeInstancesCommand({}));
    expect(performance.now() - t0).toBeLessThan(290);
    await expect(control.post('faults/latency', { ms: -1 })).rejects.toThrow(/400/);
  });

  it('resets the whole world and rejects bad requests', async () => {
    await ec2.send(new RunInstancesCommand({ ImageId: ami, MinCount: 2, MaxCount: 2 }));
    await control.post('reset');
    expect((await control.get<{ count: number }>('instances')).count).toBe(0);
    await expect(control.post('faults/throttle', { action: 'DescribeInstances', rate: 2 })).rejects.toThrow(/400/);
    await expect(control.get('nope')).rejects.toThrow(/404/);
    expect(await control.get('health')).toEqual({ ok: true });
  });
});

describe('speed', () => {
  it('serves a 1,000-instance DescribeInstances page with a tag filter in a few milliseconds', async () => {
    await control.post('buckets', { enabled: false });
    for (const site of ['lax', 'lon']) {
      const res = await signedEc2Call(sim, 'us-west-2', {
        Action: 'RunInstances',
        ImageId: ami,
        InstanceType: 'g5.4xlarge',
        MinCount: '1000',
        MaxCount: '1000',
        'TagSpecification.1.ResourceType': 'instance',
        'TagSpecification.1.Tag.1.Key': 'studio:site',
        'TagSpecification.1.Tag.1.Value': site,
      });
      expect(res.status).toBe(200);
    }
    const call = () =>
      signedEc2Call(sim, 'us-west-2', { Action: 'DescribeInstances', MaxResults: '1000', 'Filter.1.Name': 'tag:studio:site', 'Filter.1.Value.1': 'lax' });
    await new Promise((r) => setTimeout(r, 80));
    const first = await call();
    expect(first.body.match(/<instanceId>/g)).toHaveLength(1000);
    expect(first.body).not.toContain('<nextToken>');
    const server: number[] = [];
    const roundTrip: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      const { serverMs } = await call();
      roundTrip.push(performance.now() - t0);
      server.push(serverMs);
    }
    // The best of seven: CPU contention from other processes only ever adds time. The handler's own
    // time comes from server-timing; the round trip adds signing, ~2.8 MB of XML and fetch decoding.
    expect(Math.min(...server)).toBeLessThan(15);
    expect(Math.min(...roundTrip)).toBeLessThan(80);
  });
});
