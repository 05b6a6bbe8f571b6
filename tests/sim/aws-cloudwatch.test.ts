import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CloudWatchClient,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  ListMetricsCommand,
  PutMetricDataCommand,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { DescribeImagesCommand, EC2Client, RunInstancesCommand, StopInstancesCommand } from '@aws-sdk/client-ec2';
import { startAwsSimulator, type AwsSimulator } from '@/sim/aws/server';
import { awsErrorOf, clientConfig, controlApi, eventually } from '@/sim/aws/harness';

// Contract tests for CloudWatch (JSON 1.0, query-compatible errors) through the real SDK.
let sim: AwsSimulator;
let cw: CloudWatchClient;
let ec2: EC2Client;
let control: ReturnType<typeof controlApi>;

beforeAll(async () => {
  sim = await startAwsSimulator({ transitionMs: 50 });
  cw = new CloudWatchClient({ ...clientConfig(sim, 'us-west-2'), maxAttempts: 1 });
  ec2 = new EC2Client({ ...clientConfig(sim, 'us-west-2'), maxAttempts: 1 });
  control = controlApi(sim.endpoint);
});

afterAll(async () => {
  cw.destroy();
  ec2.destroy();
  await sim.close();
});

beforeEach(async () => {
  await control.post('reset');
});

const MINUTE = 60_000;
const minuteFloor = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;

async function runningInstance(): Promise<string> {
  const ImageId = (await ec2.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images?.[0]?.ImageId;
  const id = (await ec2.send(new RunInstancesCommand({ ImageId, MinCount: 1, MaxCount: 1 }))).Instances?.[0]?.InstanceId as string;
  await eventually(async () => ((await control.get<{ state: string }>(`instances/${id}`)).state === 'running' ? true : undefined));
  return id;
}

const cpuQuery = (id: string, instanceId: string, stat: string, period = 300): MetricDataQuery => ({
  Id: id,
  MetricStat: { Metric: { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'InstanceId', Value: instanceId }] }, Period: period, Stat: stat },
});

describe('custom metrics', () => {
  it('stores PutMetricData and aggregates it per period with every statistic', async () => {
    const base = minuteFloor(Date.now()) - 30 * MINUTE;
    const dims = [{ Name: 'Site', Value: 'lax' }];
    await cw.send(
      new PutMetricDataCommand({
        Namespace: 'Studio/Renders',
        MetricData: [
          { MetricName: 'FramesRendered', Dimensions: dims, Timestamp: new Date(base + 1 * MINUTE), Value: 10, Unit: 'Count' },
          { MetricName: 'FramesRendered', Dimensions: dims, Timestamp: new Date(base + 2 * MINUTE), Value: 30, Unit: 'Count' },
          { MetricName: 'FramesRendered', Dimensions: dims, Timestamp: new Date(base + 12 * MINUTE), Values: [5, 7], Counts: [1, 3], Unit: 'Count' },
        ],
      }),
    );
    const stats = await cw.send(
      new GetMetricStatisticsCommand({
        Namespace: 'Studio/Renders',
        MetricName: 'FramesRendered',
        Dimensions: dims,
        StartTime: new Date(base),
        EndTime: new Date(base + 20 * MINUTE),
        Period: 600,
        Statistics: ['Sum', 'Average', 'Minimum', 'Maximum', 'SampleCount'],
      }),
    );
    const points = [...(stats.Datapoints ?? [])].sort((a, b) => a.Timestamp!.getTime() - b.Timestamp!.getTime());
    expect(points.map((p) => [p.Timestamp?.getTime(), p.Sum, p.Average, p.Minimum, p.Maximum, p.SampleCount, p.Unit])).toEqual([
      [base, 40, 20, 10, 30, 2, 'Count'],
      [base + 10 * MINUTE, 26, 6.5, 5, 7, 4, 'Count'],
    ]);

    const data = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(base),
        EndTime: new Date(base + 20 * MINUTE),
        ScanBy: 'TimestampAscending',
        MetricDataQueries: ['Sum', 'Maximum'].map((Stat) => ({
          Id: Stat.toLowerCase(),
          MetricStat: { Metric: { Namespace: 'Studio/Renders', MetricName: 'FramesRendered', Dimensions: dims }, Period: 600, Stat },
        })),
      }),
    );
    expect(data.MetricDataResults?.map((r) => [r.Id, r.Timestamps?.map((t) => t.getTime()), r.Values, r.StatusCode])).toEqual([
      ['sum', [base, base + 10 * MINUTE], [40, 26], 'Complete'],
      ['maximum', [base, base + 10 * MINUTE], [30, 7], 'Complete'],
    ]);

    const listed = await cw.send(new ListMetricsCommand({ Namespace: 'Studio/Renders', Dimensions: [{ Name: 'Site' }] }));
    expect(listed.Metrics).toEqual([{ Namespace: 'Studio/Renders', MetricName: 'FramesRendered', Dimensions: dims }]);
  });

  it('accepts a gzip-compressed PutMetricData (the SDK compresses bodies over 10 KB)', async () => {
    const now = Date.now();
    const MetricData = Array.from({ length: 400 }, (_, i) => ({
      MetricName: 'Latency',
      Dimensions: [{ Name: 'Workstation', Value: `ws-${i % 20}` }],
      Timestamp: new Date(now - i * 1000),
      Value: i,
    }));
    await cw.send(new PutMetricDataCommand({ Namespace: 'Studio/Dcv', MetricData }));
    const listed = await cw.send(new ListMetricsCommand({ Namespace: 'Studio/Dcv' }));
    expect(listed.Metrics).toHaveLength(20);
  });

  it('rejects reserved namespaces and bad periods with typed, query-compatible errors', async () => {
    const reserved = await awsErrorOf(cw.send(new PutMetricDataCommand({ Namespace: 'AWS/EC2', MetricData: [{ MetricName: 'x', Value: 1 }] })));
    expect(reserved.name).toBe('InvalidParameterValueException');
    expect(reserved.Code).toBe('InvalidParameterValue');
    expect(reserved.$metadata?.httpStatusCode).toBe(400);
    const period = await awsErrorOf(
      cw.send(new GetMetricDataCommand({ StartTime: new Date(Date.now() - 3600_000), EndTime: new Date(), MetricDataQueries: [cpuQuery('a', 'i-0123456789abcdef0', 'Average', 45)] })),
    );
    expect(period.name).toBe('InvalidParameterValueException');
    await control.post('faults/throttle', { action: 'ListMetrics', rate: 1 });
    const throttled = await awsErrorOf(cw.send(new ListMetricsCommand({})));
    expect(throttled.Code).toBe('Throttling');
  });
});

describe('AWS/EC2 CPUUtilization', () => {
  it('is generated while an instance runs, repeatably, within 0–100 %', async () => {
    const id = await runningInstance();
    await control.post(`instances/${id}/cpu`, { percent: 37.5, fromEpochSeconds: Date.now() / 1000 - 3 * 3600, toEpochSeconds: Date.now() / 1000 - 3600 });
    const input = {
      StartTime: new Date(Date.now() - 4 * 3600_000),
      EndTime: new Date(Date.now()),
      MetricDataQueries: [cpuQuery('avg', id, 'Average', 3600), cpuQuery('peak', id, 'Maximum', 3600)],
    };
    const first = await cw.send(new GetMetricDataCommand(input));
    const second = await cw.send(new GetMetricDataCommand(input));
    expect(second.MetricDataResults).toEqual(first.MetricDataResults);
    const avg = first.MetricDataResults?.find((r) => r.Id === 'avg');
    expect(avg?.Values?.length).toBeGreaterThanOrEqual(2);
    expect(avg?.Values).toContain(37.5);
    for (const v of first.MetricDataResults?.flatMap((r) => r.Values ?? []) ?? []) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(100);
    }
    const listed = await cw.send(new ListMetricsCommand({ Namespace: 'AWS/EC2', MetricName: 'CPUUtilization' }));
    expect(listed.Metrics?.map((m) => m.Dimensions?.[0]?.Value)).toEqual([id]);
  });

  it('follows the CPU level set through the control API, so idle detection can be tested', async () => {
    const id = await runningInstance();
    await control.post(`instances/${id}/cpu`, { percent: 1.5, fromEpochSeconds: Date.now() / 1000 - 2 * 3600 });
    const idle = await cw.send(
      new GetMetricStatisticsCommand({
        Namespace: 'AWS/EC2',
        MetricName: 'CPUUtilization',
        Dimensions: [{ Name: 'InstanceId', Value: id }],
        StartTime: new Date(Date.now() - 2 * 3600_000),
        EndTime: new Date(),
        Period: 1800,
        Statistics: ['Average', 'Maximum'],
      }),
    );
    expect(idle.Datapoints?.length).toBeGreaterThanOrEqual(4);
    for (const p of idle.Datapoints ?? []) expect([p.Average, p.Maximum, p.Unit]).toEqual([1.5, 1.5, 'Percent']);

    await ec2.send(new StopInstancesCommand({ InstanceIds: [id] }));
    await control.post(`instances/${id}/cpu`, { percent: null });
    const after = await cw.send(
      new GetMetricDataCommand({ StartTime: new Date(Date.now() - 2 * 3600_000), EndTime: new Date(), MetricDataQueries: [cpuQuery('c', id, 'SampleCount', 60)] }),
    );
    // Without the override only the seconds it actually ran remain: at most a sample or two.
    expect(after.MetricDataResults?.[0]?.Values?.reduce((a, b) => a + b, 0) ?? 0).toBeLessThanOrEqual(2);
  });
});
