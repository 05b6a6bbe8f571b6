/** One reconcile pass for one site, then the next one is queued (the chain that runs every RECONCILE_INTERVAL_SECONDS). */
import type { Task } from 'graphile-worker';
import { parsePayload } from '@/lib/jobs';
import { runScheduledReconcile } from '@/lib/services/workstations/run-scheduled-reconcile';

export const reconcileSiteTask: Task = async (payload) => {
  const { siteId } = parsePayload('workstations:reconcile-site', payload);
  await runScheduledReconcile({ siteId });
};
