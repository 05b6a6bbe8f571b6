/** One pass of a site's lag collector; the service queues the next one 15 s after this one started. */
import type { Task } from 'graphile-worker';
import { parsePayload } from '@/lib/jobs';
import { runScheduledCollection } from '@/lib/services/replication/run-scheduled-collection';

export const replicationCollectSiteTask: Task = async (payload) => {
  const { siteId } = parsePayload('replication:collect-site', payload);
  await runScheduledCollection(siteId);
};
