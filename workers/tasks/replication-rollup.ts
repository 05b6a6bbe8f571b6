/** Per-minute: one-minute lag rollups, then retention (raw 48 h, rollups 30 days). */
import type { Task } from 'graphile-worker';
import { systemActor } from '@/lib/domain/auth/actor';
import { parsePayload } from '@/lib/jobs';
import { rollupLagSamples } from '@/lib/services/replication/rollup-lag-samples';

export const replicationRollupTask: Task = async (payload) => {
  parsePayload('replication:rollup', payload ?? {});
  await rollupLagSamples(systemActor('lag-rollup'));
};
