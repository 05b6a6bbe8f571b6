/** One step of a site's bring-up or drain checklist; the service queues the next one. */
import type { Task } from 'graphile-worker';
import { parsePayload } from '@/lib/jobs';
import { runSiteStep } from '@/lib/services/sites/run-site-step';

export const sitesRunStepTask: Task = async (payload, helpers) => {
  const { siteId } = parsePayload('sites:run-step', payload);
  // The attempt tells the service whether a transient failure may still be retried by graphile-worker.
  await runSiteStep({ siteId }, { attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts });
};
