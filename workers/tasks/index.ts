/** Every task the workers run, by job name. Each is thin: parse the payload, call one service. */
import type { TaskList } from 'graphile-worker';
import { hostname } from 'node:os';
import { parsePayload } from '@/lib/jobs';
import { recordHeartbeat } from '@/lib/services/workers/record-heartbeat';
import { ensureReconcileChains } from '@/lib/services/workstations/request-reconcile';
import { notifyDigestTask } from './notify-digest';
import { webhookDeliverTask } from './webhook-deliver';
import { idleCheckTask } from './workstations-idle-check';
import { reconcileAllTask } from './workstations-reconcile-all';
import { reconcileSiteTask } from './workstations-reconcile-site';

export function buildTaskList(worker: { id: string; startedAt: Date }): TaskList {
  return {
    heartbeat: async (payload) => {
      parsePayload('heartbeat', payload ?? {});
      await recordHeartbeat({ id: worker.id, hostname: hostname(), pid: process.pid, startedAt: worker.startedAt });
    },
    'workstations:reconcile-site': reconcileSiteTask,
    'workstations:reconcile-all': reconcileAllTask,
    'workstations:idle-check': idleCheckTask,
    'notify-digest': notifyDigestTask,
    'webhook-deliver': webhookDeliverTask,
  };
}

/**
 * Runs once when a worker process has started. A worker killed mid-job leaves that job locked (for hours,
 * in graphile-worker); re-creating the reconcile chains here means a restarted worker resumes at once
 * instead of at the next cron minute.
 */
export async function onWorkersStarted(): Promise<void> {
  await ensureReconcileChains();
}

/** Cron items: graphile-worker de-duplicates them across worker processes. */
export const CRONTAB = [
  '* * * * * heartbeat ?max=1',
  '* * * * * workstations:reconcile-all ?max=1',
  '* * * * * workstations:idle-check ?max=1',
].join('\n');
