/** Per-minute: the lag samples of the minute before last, to CloudWatch (ReplicationLagSeconds). */
import type { Task } from 'graphile-worker';
import { systemActor } from '@/lib/domain/auth/actor';
import { parsePayload } from '@/lib/jobs';
import { cronWindow, publishLagMetrics } from '@/lib/services/replication/publish-lag-metrics';

export const replicationPublishMetricsTask: Task = async (payload) => {
  const p = parsePayload('replication:publish-metrics', payload ?? {});
  // graphile-worker puts the scheduled minute in `_cron.ts`, so a backfilled or late run publishes its own minute.
  await publishLagMetrics(systemActor('lag-metrics'), cronWindow(p._cron ? new Date(p._cron.ts) : new Date()));
};
