/** Per-minute fan-out: starts lag collector chains for new sites and restarts any that died. */
import type { Task } from 'graphile-worker';
import { parsePayload } from '@/lib/jobs';
import { ensureCollectionChains } from '@/lib/services/replication/schedule-lag-collection';

export const replicationCollectAllTask: Task = async (payload) => {
  parsePayload('replication:collect-all', payload ?? {});
  await ensureCollectionChains();
};
