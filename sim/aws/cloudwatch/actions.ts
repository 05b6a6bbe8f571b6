import type { SimContext } from '../context';
import { SimError, invalidCombination, invalidParameterValue, missingParameter } from '../errors';
import { dimensions, field, pageStart, pageToken, requiredString, timestamp, type Json } from './input';
import { allMetrics, fetchSamples } from './series';
import { bucketize, checkPeriod, checkStat, statValue } from './stats';
import type { Sample } from './store';

export type CloudWatchAction = (ctx: SimContext, region: string, input: Json) => Json;

const TWO_WEEKS = 14 * 24 * 3600 * 1000;
const TWO_HOURS = 2 * 3600 * 1000;

function datumSamples(d: Json, where: string, now: number): Sample[] {
  const t = timestamp(d, 'Timestamp', false) ?? now;
  if (t < now - TWO_WEEKS || t > now + TWO_HOURS) {
    throw invalidParameterValue(`The parameter ${where}.Timestamp must specify a time no more than two weeks in the past and no more than two hours in the future.`);
  }
  const value = field<number>(d, 'Value');
  const values = field<number[]>(d, 'Values');
  const stats = field<Json>(d, 'StatisticValues');
  if ([value !== undefined, !!values, !!stats].filter(Boolean).length > 1) {
    throw invalidCombination(`The parameters ${where}.Value, ${where}.Values and ${where}.StatisticValues are mutually exclusive.`);
  }
  if (typeof value === 'number') return [{ t, count: 1, sum: value, min: value, max: value }];
  if (values) {
    const counts = field<number[]>(d, 'Counts');
    if (counts && counts.length !== values.length) throw invalidParameterValue(`The parameters ${where}.Values and ${where}.Counts must be of the same size.`);
    return values.map((v, i) => {
      const c = counts?.[i] ?? 1;
      return { t, count: c, sum: v * c, min: v, max: v };
    });
  }
  if (stats) {
    const { SampleCount, Sum, Minimum, Maximum } = stats as Record<string, number>;
    if ([SampleCount, Sum, Minimum, Maximum].some((x) => typeof x !== 'number')) {
      throw missingParameter(`${where}.StatisticValues (SampleCount, Sum, Minimum, Maximum)`);
    }
    return [{ t, count: SampleCount as number, sum: Sum as number, min: Minimum as number, max: Maximum as number }];
  }
  throw missingParameter(`${where}.Value`);
}

export const putMetricData: CloudWatchAction = (ctx, region, input) => {
  const namespace = requiredString(input, 'Namespace');
  if (namespace.startsWith('AWS/') || namespace.length > 255) {
    throw invalidParameterValue(`The value ${namespace} for parameter Namespace is invalid.`);
  }
  const data = field<Json[]>(input, 'MetricData');
  if (!Array.isArray(data) || !data.length) throw missingParameter('MetricData');
  if (data.length > 1000) throw invalidParameterValue('The collection MetricData must not have a size greater than 1000.');
  const now = ctx.now();
  const prepared = data.map((d, i) => {
    const where = `MetricData.member.${i + 1}`;
    const metricName = requiredString(d, 'MetricName');
    return { metricName, dims: dimensions(d.Dimensions, `${where}.Dimensions`), samples: datumSamples(d, where, now), unit: field<string>(d, 'Unit') };
  });
  for (const p of prepared) for (const s of p.samples) ctx.metrics.put(region, namespace, p.metricName, p.dims, s, p.unit);
  return {};
};

export const listMetrics: CloudWatchAction = (ctx, region, input) => {
  const namespace = field<string>(input, 'Namespace');
  const metricName = field<string>(input, 'MetricName');
  const dimFilters = (field<Json[]>(input, 'Dimensions') ?? []).map((d) => ({ Name: String(d.Name), Value: d.Value as string | undefined }));
  const matching = allMetrics(ctx, region).filter(
    (m) =>
      (!namespace || m.namespace === namespace) &&
      (!metricName || m.metricName === metricName) &&
      dimFilters.every((f) => m.dimensions.some((d) => d.Name === f.Name && (f.Value === undefined || d.Value === f.Value))),
  );
  const start = pageStart(input.NextToken);
  const page = matching.slice(start, start + 500);
  return {
    Metrics: page.map((m) => ({ Namespace: m.namespace, MetricName: m.metricName, Dimensions: m.dimensions })),
    NextToken: pageToken(start + page.length, matching.length),
  };
};

/** CloudWatch rounds StartTime down: to the minute within 15 days, 5 minutes within 63, else the hour. */
function roundStart(start: number, now: number): number {
  const age = now - start;
  const unit = age <= 15 * 86_400_000 ? 60_000 : age <= 63 * 86_400_000 ? 300_000 : 3_600_000;
  return Math.floor(start / unit) * unit;
}

function timeRange(input: Json, now: number): { start: number; end: number } {
  const start = roundStart(timestamp(input, 'StartTime') as number, now);
  const end = timestamp(input, 'EndTime') as number;
  if (start >= end) throw invalidParameterValue('The parameter StartTime must be less than the parameter EndTime.');
  return { start, end };
}

export const getMetricStatistics: CloudWatchAction = (ctx, region, input) => {
  const namespace = requiredString(input, 'Namespace');
  const metricName = requiredString(input, 'MetricName');
  const { start, end } = timeRange(input, ctx.now());
  const period = checkPeriod(input.Period, 'Period');
  const statistics = field<string[]>(input, 'Statistics') ?? [];
  const extended = field<string[]>(input, 'ExtendedStatistics') ?? [];
  if (!statistics.length && !extended.length) throw missingParameter('Statistics or ExtendedStatistics');
  statistics.forEach((s) => checkStat(s, 'Statistics'));
  extended.forEach((s) => checkStat(s, 'ExtendedStatistics'));
  const requested = Math.ceil((end - start) / (period * 1000));
  if (requested > 1440) {
    throw invalidCombination(`You have requested up to ${requested} datapoints, which exceeds the limit of 1440. You may reduce the datapoints requested by increasing Period, or decreasing the time range.`);
  }
  const dims = dimensions(input.Dimensions, 'Dimensions');
  const { samples, unit } = fetchSamples(ctx, region, { namespace, metricName, dimensions: dims }, start, end);
  const datapoints = bucketize(samples, start, period * 1000).map(({ t, samples: s }) => {
    const point: Json = { Timestamp: t / 1000, Unit: unit ?? 'None' };
    for (const stat of statistics) point[stat] = statValue(stat, s);
    if (extended.length) point.ExtendedStatistics = Object.fromEntries(extended.map((e) => [e, statValue(e, s)]));
    return point;
  });
  return { Label: metricName, Datapoints: datapoints };
};

export const getMetricData: CloudWatchAction = (ctx, region, input) => {
  const queries = field<Json[]>(input, 'MetricDataQueries');
  if (!Array.isArray(queries) || !queries.length) throw missingParameter('MetricDataQueries');
  if (queries.length > 500) throw invalidParameterValue('The collection MetricDataQueries must not have a size greater than 500.');
  const { start, end } = timeRange(input, ctx.now());
  const ascending = input.ScanBy === 'TimestampAscending';
  const results = queries.map((q, i) => {
    const where = `MetricDataQueries.member.${i + 1}`;
    const id = requiredString(q, 'Id');
    if (!/^[a-z][a-zA-Z0-9_]*$/.test(id)) throw invalidParameterValue(`The value ${id} for parameter ${where}.Id is invalid.`);
    if (q.Expression !== undefined) throw new SimError('InvalidParameterValue', `${where}.Expression: metric math is not supported by the simulator.`);
    const stat = field<Json>(q, 'MetricStat');
    if (!stat) throw missingParameter(`${where}.MetricStat`);
    const metric = (stat.Metric ?? {}) as Json;
    const period = checkPeriod(stat.Period, `${where}.MetricStat.Period`);
    const statName = requiredString(stat, 'Stat');
    checkStat(statName, `${where}.MetricStat.Stat`);
    const ref = { namespace: requiredString(metric, 'Namespace'), metricName: requiredString(metric, 'MetricName'), dimensions: dimensions(metric.Dimensions, `${where}.MetricStat.Metric.Dimensions`) };
    const points = bucketize(fetchSamples(ctx, region, ref, start, end).samples, start, period * 1000);
    if (!ascending) points.reverse();
    return {
      q,
      result: {
        Id: id,
        Label: (q.Label as string | undefined) ?? ref.metricName,
        Timestamps: points.map((p) => p.t / 1000),
        Values: points.map((p) => statValue(statName, p.samples)),
        StatusCode: 'Complete',
      },
    };
  });
  return { MetricDataResults: results.filter(({ q }) => q.ReturnData !== false).map(({ result }) => result), Messages: [] };
};
