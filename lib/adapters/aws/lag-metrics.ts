/**
 * Replication lag in CloudWatch: `ReplicationLagSeconds` in the `Studio/Replication` namespace, one
 * series per (Site, PeerSite, Share), so studios can alarm and graph lag next to their AWS metrics.
 * Samples are sent in as few PutMetricData calls as the API allows (1000 datums per call); the series
 * reads back through GetMetricData. Uses the shared per-region CloudWatch client from ./clients.
 */
import { GetMetricDataCommand, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { withBackoff, type BackoffOptions } from './backoff';
import { cloudWatchClient } from './clients';

export const LAG_NAMESPACE = 'Studio/Replication';
export const LAG_METRIC = 'ReplicationLagSeconds';
export const MAX_DATUMS_PER_CALL = 1000;

/** One lag sample: `site` → `peerSite` on `share` (site values are region codes: stable, unlike names). */
export type TLagDatum = { site: string; peerSite: string; share: string; seconds: number; at: Date };

const dimensions = (d: { site: string; peerSite: string; share: string }) => [
  { Name: 'Site', Value: d.site },
  { Name: 'PeerSite', Value: d.peerSite },
  { Name: 'Share', Value: d.share },
];

export function toMetricData(data: TLagDatum[]): MetricDatum[] {
  return data
    .filter((d) => Number.isFinite(d.seconds))
    .map((d) => ({ MetricName: LAG_METRIC, Dimensions: dimensions(d), Timestamp: d.at, Value: Math.max(0, d.seconds), Unit: 'Seconds' }));
}

/** Publishes lag samples to `region`'s CloudWatch; returns how many calls it took. */
export async function putLagMetrics(region: string, data: TLagDatum[], opts: BackoffOptions = {}): Promise<{ calls: number; datums: number }> {
  const metricData = toMetricData(data);
  const client = cloudWatchClient(region);
  let calls = 0;
  for (let i = 0; i < metricData.length; i += MAX_DATUMS_PER_CALL) {
    const MetricData = metricData.slice(i, i + MAX_DATUMS_PER_CALL);
    await withBackoff(`PutMetricData ${LAG_METRIC} in ${region}`, () => client.send(new PutMetricDataCommand({ Namespace: LAG_NAMESPACE, MetricData })), opts);
    calls++;
  }
  return { calls, datums: metricData.length };
}

/** The published series of one pair and share, averaged per `periodSeconds`, oldest first. */
export async function getLagSeries(
  region: string,
  q: { site: string; peerSite: string; share: string; from: Date; to: Date; periodSeconds?: number },
  opts: BackoffOptions = {},
): Promise<{ at: Date; seconds: number }[]> {
  const client = cloudWatchClient(region);
  const out: { at: Date; seconds: number }[] = [];
  let NextToken: string | undefined;
  do {
    const res = await withBackoff(`GetMetricData ${LAG_METRIC} in ${region}`, () =>
      client.send(new GetMetricDataCommand({
        StartTime: q.from, EndTime: q.to, ScanBy: 'TimestampAscending', NextToken,
        MetricDataQueries: [{ Id: 'lag', ReturnData: true, MetricStat: { Metric: { Namespace: LAG_NAMESPACE, MetricName: LAG_METRIC, Dimensions: dimensions(q) }, Period: q.periodSeconds ?? 60, Stat: 'Average' } }],
      })),
    opts);
    const r = res.MetricDataResults?.find((x) => x.Id === 'lag');
    (r?.Timestamps ?? []).forEach((at, i) => {
      const v = r?.Values?.[i];
      if (v !== undefined) out.push({ at: new Date(at), seconds: v });
    });
    NextToken = res.NextToken;
  } while (NextToken);
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}
