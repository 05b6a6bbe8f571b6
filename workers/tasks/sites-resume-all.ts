/** The per-minute fan-out: every open site workflow has a pending run (a chain whose job gave up restarts). */
import type { Task } from 'graphile-worker';
import { parsePayload } from '@/lib/jobs';
import { resumeSiteWorkflows } from '@/lib/services/sites/request-site-step';

export const sitesResumeAllTask: Task = async (payload) => {
  parsePayload('sites:resume-all', payload ?? {});
  await resumeSiteWorkflows('keep');
};
