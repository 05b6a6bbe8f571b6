/** Every task the workers run, by job name. Each is thin: parse the payload, call one service. */
import type { TaskList } from 'graphile-worker';
import { ensureReconcileChains } from '@/lib/services/workstations/request-reconcile';
import { ensureCollectionChains } from '@/lib/services/replication/schedule-lag-collection';
import { resumeSiteWorkflows } from '@/lib/services/sites/request-site-step';
import { notifyDigestTask } from './notify-digest';
import { objectivesReconcileAllTask } from './objectives-reconcile-all';
import { objectivesReconcileSiteTask } from './objectives-reconcile-site';
import { replicationCollectAllTask } from './replication-collect-all';
import { replicationCollectSiteTask } from './replication-collect-site';
import { replicationPublishMetricsTask } from './replication-publish-metrics';
import { replicationRollupTask } from './replication-rollup';
import { sitesResumeAllTask } from './sites-resume-all';
import { sitesRunStepTask } from './sites-run-step';
import { shotsRescanTask } from './shots-rescan';
import { webhookDeliverTask } from './webhook-deliver';
import { idleCheckTask } from './workstations-idle-check';
import { reconcileAllTask } from './workstations-reconcile-all';
import { reconcileSiteTask } from './workstations-reconcile-site';

export function buildTaskList(): TaskList {
  return {
    'workstations:reconcile-site': reconcileSiteTask,
    'workstations:reconcile-all': reconcileAllTask,
    'workstations:idle-check': idleCheckTask,
    'notify-digest': notifyDigestTask,
    'webhook-deliver': webhookDeliverTask,
    'objectives:reconcile-site': objectivesReconcileSiteTask,
    'objectives:reconcile-all': objectivesReconcileAllTask,
    'replication:collect-site': replicationCollectSiteTask,
    'replication:collect-all': replicationCollectAllTask,
    'replication:publish-metrics': replicationPublishMetricsTask,
    'replication:rollup': replicationRollupTask,
    'shots:rescan': shotsRescanTask,
    'sites:run-step': sitesRunStepTask,
    'sites:resume-all': sitesResumeAllTask,
  };
}

/**
 * Runs once when a worker process has started. A worker killed mid-job leaves that job locked until the
 * janitor frees it (WORKER_DEAD_AFTER_SECONDS after its last beat); re-creating the chains here means a
 * restarted worker resumes at once instead of waiting for that or for the next cron minute.
 */
export async function onWorkersStarted(): Promise<void> {
  await ensureReconcileChains();
  // The lag collector's chains too: the Replication page should not wait for the next cron minute.
  await ensureCollectionChains();
  // A bring-up or drain whose worker was killed mid-step resumes now, not at the next cron minute.
  await resumeSiteWorkflows('now');
}

/** Cron items: graphile-worker de-duplicates them across worker processes. */
export const CRONTAB = [
  '* * * * * workstations:reconcile-all ?max=1',
  '* * * * * workstations:idle-check ?max=1',
  '* * * * * objectives:reconcile-all ?max=1',
  '* * * * * replication:collect-all ?max=1',
  '* * * * * replication:publish-metrics ?max=3',
  '* * * * * replication:rollup ?max=1',
  // The watcher catches changes as they land; this catches what it missed (NFS without events, restarts).
  '*/5 * * * * shots:rescan ?max=1&queue=shots-rescan',
  '* * * * * sites:resume-all ?max=1',
].join('\n');
