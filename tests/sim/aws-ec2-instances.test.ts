import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CreateLaunchTemplateCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeInstanceStatusCommand,
  EC2Client,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type Instance,
  type RunInstancesCommandInput,
} from '@aws-sdk/client-ec2';
import { startAwsSimulator, type AwsSimulator } from '@/sim/aws/server';
import { awsErrorOf, clientConfig, controlApi, eventually } from '@/sim/aws/harness';

// Contract tests: the real SDK over HTTP against the simulator, lifecycle and launch semantics.
let sim: AwsSimulator;
let ec2: EC2Client;
let control: ReturnType<typeof controlApi>;
let ami: string;

beforeAll(async () => {
  sim = await startAwsSimulator({ transitionMs: 150 });
  ec2 = new EC2Client({ ...clientConfig(sim, 'us-west-2'), maxAttempts: 1 });
  control = controlApi(sim.endpoint);
  const images = await ec2.send(new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'name', Values: ['Flame 2026.1*'] }] }));
  ami = images.Images?.[0]?.ImageId ?? '';
});

afterAll(async () => {
  ec2.destroy();
  await sim.close();
});

beforeEach(async () => {
  await control.post('reset');
});

const launch = async (overrides: Partial<RunInstancesCommandInput> = {}) =>
  ec2.send(new RunInstancesCommand({ ImageId: ami, InstanceType: 'g5.4xlarge', MinCount: 1, MaxCount: 1, ...overrides }));

const describeAll = async (input: ConstructorParameters<typeof DescribeInstancesCommand>[0] = {}): Promise<Instance[]> => {
  const out = await ec2.send(new DescribeInstancesCommand(input));
  return (out.Reservations ?? []).flatMap((r) => r.Instances ?? []);
};

const stateOf = async (id: string) => (await describeAll({ InstanceIds: [id] }))[0]?.State?.Name;

describe('RunInstances and the instance lifecycle', () => {
  it('launches pending instances with addresses and DNS names, which then become running', async () => {
    const run = await launch({
      MinCount: 2,
      MaxCount: 2,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'studio:site', Value: 'lax' }] }],
    });
    expect(run.ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
    expect(run.Instances).toHaveLength(2);
    for (const inst of run.Instances ?? []) {
      expect(inst.InstanceId).toMatch(/^i-[0-9a-f]{17}$/);
      expect(inst.State).toEqual({ Code: 0, Name: 'pending' });
      expect(inst.PublicDnsName).toBe(`ec2-${inst.PublicIpAddress?.replaceAll('.', '-')}.us-west-2.compute.amazonaws.com`);
      expect(inst.PrivateDnsName).toMatch(/^ip-\d+-\d+-\d+-\d+\.us-west-2\.compute\.internal$/);
      expect(inst.Placement?.AvailabilityZone).toMatch(/^us-west-2[abc]$/);
      expect(inst.Tags).toEqual([{ Key: 'studio:site', Value: 'lax' }]);
    }
    expect(new Set(run.Instances?.map((i) => i.PrivateIpAddress)).size).toBe(2);

    const id = run.Instances?.[0]?.InstanceId as string;
    await eventually(async () => ((await stateOf(id)) === 'running' ? true : undefined));
    const [running] = await describeAll({ InstanceIds: [id] });
    expect(running?.State).toEqual({ Code: 16, Name: 'running' });
  });

  it('returns the original reservation for a repeated ClientToken and launches nothing new', async () => {
    const first = await launch({ ClientToken: 'ws-42-gen-1' });
    const second = await launch({ ClientToken: 'ws-42-gen-1' });
    expect(second.ReservationId).toBe(first.ReservationId);
    expect(second.Instances?.map((i) => i.InstanceId)).toEqual(first.Instances?.map((i) => i.InstanceId));
    expect(await describeAll({ Filters: [{ Name: 'client-token', Values: ['ws-42-gen-1'] }] })).toHaveLength(1);
    const listed = await control.get<{ count: number }>('instances?clientToken=ws-42-gen-1');
    expect(listed.count).toBe(1);
  });

  it('fails with IdempotentParameterMismatch when a parameter changes under the same token', async () => {
    await launch({ ClientToken: 'ws-7-gen-3' });
    const err = await awsErrorOf(launch({ ClientToken: 'ws-7-gen-3', InstanceType: 'g5.8xlarge' }));
    expect(err.name).toBe('IdempotentParameterMismatch');
    expect(err.$metadata?.httpStatusCode).toBe(400);
    expect((await control.get<{ count: number }>('instances')).count).toBe(1);
  });

  it('places instances in the given subnet and security groups', async () => {
    const subnet = 'subnet-0a1b2c3d4e5f60718';
    const run = await launch({ SubnetId: subnet, SecurityGroupIds: ['sg-0123456789abcdef0', 'sg-0fedcba9876543210'] });
    const inst = run.Instances?.[0];
    expect(inst?.SubnetId).toBe(subnet);
    expect(inst?.VpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(inst?.SecurityGroups?.map((g) => g.GroupId)).toEqual(['sg-0123456789abcdef0', 'sg-0fedcba9876543210']);
    const [again] = await describeAll({ Filters: [{ Name: 'subnet-id', Values: [subnet] }] });
    expect(again?.InstanceId).toBe(inst?.InstanceId);
    expect((await awsErrorOf(launch({ SecurityGroupIds: ['default'] }))).name).toBe('InvalidGroupId.Malformed');
  });

  it('launches from a launch template, with explicit parameters taking precedence', async () => {
    const lt = await ec2.send(
      new CreateLaunchTemplateCommand({
        LaunchTemplateName: 'flame-workstation',
        LaunchTemplateData: {
          ImageId: ami,
          InstanceType: 'g5.2xlarge',
          TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'role', Value: 'flame' }] }],
        },
      }),
    );
    const fromTemplate = await ec2.send(
      new RunInstancesCommand({ MinCount: 1, MaxCount: 1, LaunchTemplate: { LaunchTemplateName: 'flame-workstation', Version: '$Latest' } }),
    );
    const inst = fromTemplate.Instances?.[0];
    expect(inst?.InstanceType).toBe('g5.2xlarge');
    expect(inst?.ImageId).toBe(ami);
    expect(inst?.Tags).toEqual(
      expect.arrayContaining([
        { Key: 'role', Value: 'flame' },
        { Key: 'aws:ec2launchtemplate:id', Value: lt.LaunchTemplate?.LaunchTemplateId },
      ]),
    );
    const overridden = await ec2.send(
      new RunInstancesCommand({ MinCount: 1, MaxCount: 1, InstanceType: 'g6e.4xlarge', LaunchTemplate: { LaunchTemplateId: lt.LaunchTemplate?.LaunchTemplateId } }),
    );
    expect(overridden.Instances?.[0]?.InstanceType).toBe('g6e.4xlarge');
    const missing = await awsErrorOf(ec2.send(new RunInstancesCommand({ MinCount: 1, MaxCount: 1, LaunchTemplate: { LaunchTemplateName: 'nope' } })));
    expect(missing.name).toBe('InvalidLaunchTemplateName.NotFoundException');
  });

  it('stops, starts and terminates, reporting previous and current states; repeats are harmless', async () => {
    const id = (await launch()).Instances?.[0]?.InstanceId as string;
    await eventually(async () => ((await stateOf(id)) === 'running' ? true : undefined));

    const stop = await ec2.send(new StopInstancesCommand({ InstanceIds: [id] }));
    expect(stop.StoppingInstances?.[0]).toMatchObject({ InstanceId: id, PreviousState: { Name: 'running' }, CurrentState: { Code: 64, Name: 'stopping' } });
    await eventually(async () => ((await stateOf(id)) === 'stopped' ? true : undefined));
    const [stopped] = await describeAll({ InstanceIds: [id] });
    expect(stopped?.PublicIpAddress).toBeUndefined();
    expect(stopped?.StateReason?.Code).toBe('Client.UserInitiatedShutdown');
    const again = await ec2.send(new StopInstancesCommand({ InstanceIds: [id] }));
    expect(again.StoppingInstances?.[0]).toMatchObject({ PreviousState: { Name: 'stopped' }, CurrentState: { Name: 'stopped' } });

    const start = await ec2.send(new StartInstancesCommand({ InstanceIds: [id] }));
    expect(start.StartingInstances?.[0]).toMatchObject({ PreviousState: { Name: 'stopped' }, CurrentState: { Code: 0, Name: 'pending' } });
    await eventually(async () => ((await stateOf(id)) === 'running' ? true : undefined));
    expect((await describeAll({ InstanceIds: [id] }))[0]?.PublicDnsName).toMatch(/^ec2-[\d-]+\.us-west-2\.compute\.amazonaws\.com$/);

    const term = await ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    expect(term.TerminatingInstances?.[0]).toMatchObject({ PreviousState: { Name: 'running' }, CurrentState: { Code: 32, Name: 'shutting-down' } });
    await eventually(async () => ((await stateOf(id)) === 'terminated' ? true : undefined));
    const termAgain = await ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    expect(termAgain.TerminatingInstances?.[0]).toMatchObject({ PreviousState: { Code: 48 }, CurrentState: { Code: 48 } });
  });

  it('refuses changes from the wrong state with IncorrectInstanceState', async () => {
    await control.post('transitions', { pendingMs: 10_000, shuttingDownMs: 10_000 });
    const id = (await launch()).Instances?.[0]?.InstanceId as string;
    const stopPending = await awsErrorOf(ec2.send(new StopInstancesCommand({ InstanceIds: [id] })));
    expect(stopPending.name).toBe('IncorrectInstanceState');
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    const startTerminating = await awsErrorOf(ec2.send(new StartInstancesCommand({ InstanceIds: [id] })));
    expect(startTerminating.name).toBe('IncorrectInstanceState');
    expect(startTerminating.message).toContain(id);
  });

  it('keeps terminated instances visible until the retention period ends', async () => {
    await control.post('transitions', { terminatedRetentionMs: 800 });
    const id = (await launch()).Instances?.[0]?.InstanceId as string;
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    await eventually(async () => ((await stateOf(id)) === 'terminated' ? true : undefined));
    const gone = await eventually(async () => {
      const err = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] })).then(() => undefined, (e: Error) => e);
      return err;
    });
    expect(gone.name).toBe('InvalidInstanceID.NotFound');
  });

  it('reports status checks initializing, then ok; IncludeAllInstances adds non-running instances', async () => {
    await control.post('transitions', { pendingMs: 60_000, stoppingMs: 60_000 });
    const [a, b] = (await launch({ MinCount: 2, MaxCount: 2 })).Instances?.map((i) => i.InstanceId as string) ?? [];
    expect((await ec2.send(new DescribeInstanceStatusCommand({}))).InstanceStatuses).toEqual([]);
    for (const id of [a, b]) await control.post(`instances/${id}/state`, { state: 'running' });
    const early = await ec2.send(new DescribeInstanceStatusCommand({ InstanceIds: [a!] }));
    expect(['initializing', 'ok']).toContain(early.InstanceStatuses?.[0]?.InstanceStatus?.Status);
    await eventually(async () => {
      const s = await ec2.send(new DescribeInstanceStatusCommand({ InstanceIds: [a!] }));
      return s.InstanceStatuses?.[0]?.SystemStatus?.Status === 'ok' ? true : undefined;
    });
    await ec2.send(new StopInstancesCommand({ InstanceIds: [b!] }));
    const running = await ec2.send(new DescribeInstanceStatusCommand({}));
    expect(running.InstanceStatuses?.map((s) => s.InstanceId)).toEqual([a]);
    const all = await ec2.send(new DescribeInstanceStatusCommand({ IncludeAllInstances: true }));
    const stopping = all.InstanceStatuses?.find((s) => s.InstanceId === b);
    expect(stopping?.InstanceState?.Name).toBe('stopping');
    expect(stopping?.InstanceStatus?.Status).toBe('not-applicable');
  });
});

describe('launch failures', () => {
  it('answers InsufficientInstanceCapacity where injected, per region and type, and recovers', async () => {
    await control.post('faults/capacity', { region: 'us-west-2', instanceType: 'g5.4xlarge', remaining: 1 });
    const err = await awsErrorOf(launch());
    expect(err.name).toBe('InsufficientInstanceCapacity');
    expect(err.$metadata?.httpStatusCode).toBe(500);
    expect(err.message).toMatch(/We currently do not have sufficient g5\.4xlarge capacity/);
    expect((await launch()).Instances).toHaveLength(1);

    await control.post('faults/capacity', { region: 'us-west-2', instanceType: 'g5.4xlarge' });
    expect((await awsErrorOf(launch())).name).toBe('InsufficientInstanceCapacity');
    expect((await launch({ InstanceType: 'g5.8xlarge' })).Instances).toHaveLength(1);
    const east = new EC2Client({ ...clientConfig(sim, 'us-east-1'), maxAttempts: 1 });
    const eastAmi = (await east.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images?.[0]?.ImageId;
    expect((await east.send(new RunInstancesCommand({ ImageId: eastAmi, InstanceType: 'g5.4xlarge', MinCount: 1, MaxCount: 1 }))).Instances).toHaveLength(1);
    east.destroy();
  });

  it('validates images, instance types and counts', async () => {
    expect((await awsErrorOf(launch({ ImageId: 'ami-0123456789abcdef0' }))).name).toBe('InvalidAMIID.NotFound');
    expect((await awsErrorOf(launch({ ImageId: 'ami-xyz' }))).name).toBe('InvalidAMIID.Malformed');
    expect((await awsErrorOf(launch({ InstanceType: 'not-a-type' as never }))).name).toBe('InvalidParameterValue');
    expect((await awsErrorOf(launch({ MinCount: 3, MaxCount: 2 }))).name).toBe('InvalidParameterValue');
    expect((await control.get<{ count: number }>('instances')).count).toBe(0);
  });

  it('launches as many as the vCPU quota allows, at least MinCount, else VcpuLimitExceeded', async () => {
    await control.post('faults/vcpu-limit', { region: 'us-west-2', vcpus: 40 });
    const some = await launch({ MinCount: 1, MaxCount: 5 });
    expect(some.Instances).toHaveLength(2);
    expect((await awsErrorOf(launch({ MinCount: 1, MaxCount: 1 }))).name).toBe('VcpuLimitExceeded');
  });
});
