/** One objectives reconcile pass for one site (queued after an edit, and by the per-minute fan-out). */
import type { Task } from 'graphile-worker';
import { systemActor } from '@/lib/domain/auth/actor';
import { parsePayload } from '@/lib/jobs';
import { reconcileSiteObjectives } from '@/lib/services/objectives/reconcile-site-objectives';

export const objectivesReconcileSiteTask: Task = async (payload, helpers) => {
  const { siteId } = parsePayload('objectives:reconcile-site', payload);
  const result = await reconcileSiteObjectives(systemActor('objectives-reconciler'), { siteId });
  if (result.error || result.repaired) helpers.logger.info(`objectives reconcile ${siteId}: ${result.actions} actions, ${result.repaired} repaired${result.error ? `, error: ${result.error}` : ''}`);
};
