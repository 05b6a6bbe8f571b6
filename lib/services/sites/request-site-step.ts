/**
 * Scheduling of a site's checklist runner. One job key per site: a new request replaces a pending one,
 * and a request made while a step runs queues the next run behind it (graphile-worker gives a running
 * job's key to the new job). The runner's advisory lock keeps two runs of one site from overlapping.
 */
import { db, type Tx } from '@/lib/db/client';
import { sitesWithOpenWorkflows } from '@/lib/db/site-lifecycle';
import { enqueue } from '@/lib/jobs';

export const siteStepJobKey = (siteId: string) => `sites:run-step:${siteId}`;

/** Transient failures (an Anvil down for a minute) are retried by graphile-worker this many times. */
export const STEP_JOB_ATTEMPTS = 6;

export async function requestSiteStep(tx: Tx, siteId: string, reason: string, runAt?: Date): Promise<void> {
  await enqueue(tx, 'sites:run-step', { siteId, reason }, { jobKey: siteStepJobKey(siteId), jobKeyMode: 'replace', runAt, maxAttempts: STEP_JOB_ATTEMPTS });
}

/**
 * Restarts every open workflow's chain: at worker start (a killed worker's job stays locked until its beats
 * have been silent for WORKER_DEAD_AFTER_SECONDS)
 * and every minute (a chain whose job gave up). A pending run keeps its time (`preserve_run_at`).
 */
export async function resumeSiteWorkflows(mode: 'now' | 'keep' = 'keep'): Promise<number> {
  const sites = await sitesWithOpenWorkflows();
  if (!sites.length) return 0;
  await db().$transaction(async (tx) => {
    for (const s of sites) {
      await enqueue(tx, 'sites:run-step', { siteId: s.id, reason: 'resume' }, { jobKey: siteStepJobKey(s.id), jobKeyMode: mode === 'now' ? 'replace' : 'preserve_run_at', maxAttempts: STEP_JOB_ATTEMPTS });
    }
  });
  return sites.length;
}
