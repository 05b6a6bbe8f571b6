/**
 * Utilization of many instances in one region, in as few GetMetricData calls as CloudWatch allows
 * (500 queries per call: 250 instances with CPU and GPU each). CPU is EC2's own `CPUUtilization`; the GPU
 * series is the CloudWatch agent's `nvidia_smi_utilization_gpu`, aggregated by InstanceId (the agent's
 * `aggregation_dimensions: [["InstanceId"]]`), and simply absent on machines without the agent.
 */
import { GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { z } from 'zod';
import type { MetricPoint } from '@/lib/domain/workstations/idle';
import { AppError } from '@/lib/errors';
import { withBackoff, type BackoffOptions } from './backoff';
import { cloudWatchClient } from './clients';

export const MAX_QUERIES_PER_CALL = 500;
export const GPU_METRIC = { namespace: 'CWAgent', name: 'nvidia_smi_utilization_gpu' } as const;

export type Utilization = { cpu: MetricPoint[]; gpu: MetricPoint[] };

const ZResult = z.object({ Id: z.string(), Timestamps: z.array(z.date()).optional(), Values: z.array(z.number()).optional() });
const ZOutput = z.object({ MetricDataResults: z.array(ZResult).optional(), NextToken: z.string().optional() });

function queriesFor(instanceIds: string[], offset: number, periodSeconds: number): MetricDataQuery[] {
  return instanceIds.flatMap((id, i) => {
    const Dimensions = [{ Name: 'InstanceId', Value: id }];
    return [
      { Id: `c${offset + i}`, MetricStat: { Metric: { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions }, Period: periodSeconds, Stat: 'Average' }, ReturnData: true },
      { Id: `g${offset + i}`, MetricStat: { Metric: { Namespace: GPU_METRIC.namespace, MetricName: GPU_METRIC.name, Dimensions }, Period: periodSeconds, Stat: 'Average' }, ReturnData: true },
    ];
  });
}

export async function getUtilization(
  region: string,
  instanceIds: string[],
  range: { from: Date; to: Date; periodSeconds?: number },
  opts: BackoffOptions = {},
): Promise<{ byInstance: Map<string, Utilization>; calls: number }> {
  const client = cloudWatchClient(region);
  const byInstance = new Map<string, Utilization>(instanceIds.map((id) => [id, { cpu: [], gpu: [] }]));
  const perCall = MAX_QUERIES_PER_CALL / 2;
  let calls = 0;
  for (let offset = 0; offset < instanceIds.length; offset += perCall) {
    const chunk = instanceIds.slice(offset, offset + perCall);
    const MetricDataQueries = queriesFor(chunk, offset, range.periodSeconds ?? 60);
    let NextToken: string | undefined;
    do {
      const out = await withBackoff(`GetMetricData in ${region}`, () =>
        client.send(new GetMetricDataCommand({ MetricDataQueries, StartTime: range.from, EndTime: range.to, ScanBy: 'TimestampAscending', NextToken })),
      opts);
      calls++;
      const parsed = ZOutput.safeParse(out);
      if (!parsed.success) throw new AppError('UPSTREAM', 'CloudWatch sent an answer the control plane cannot read.', { vendorCode: 'MalformedResponse' });
      for (const r of parsed.data.MetricDataResults ?? []) {
        const id = instanceIds[Number(r.Id.slice(1))];
        const target = id ? byInstance.get(id) : undefined;
        if (!target) continue;
        const series = r.Id.startsWith('c') ? target.cpu : target.gpu;
        (r.Timestamps ?? []).forEach((at, i) => {
          const value = r.Values?.[i];
          if (typeof value === 'number') series.push({ at, value });
        });
      }
      NextToken = parsed.data.NextToken || undefined;
    } while (NextToken);
  }
  return { byInstance, calls };
}
