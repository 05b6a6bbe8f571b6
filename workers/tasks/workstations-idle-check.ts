/** Per-minute idle auto-stop check across sites with an idle policy. */
import type { Task } from 'graphile-worker';
import { parsePayload } from '@/lib/jobs';
import { autoStopIdleAllSites } from '@/lib/services/workstations/auto-stop-idle-all-sites';

export const idleCheckTask: Task = async (payload) => {
  parsePayload('workstations:idle-check', payload ?? {});
  await autoStopIdleAllSites();
};
