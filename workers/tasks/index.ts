/** Every task the workers run, by job name. Each is thin: parse the payload, call one service. */
import type { TaskList } from 'graphile-worker';
import { hostname } from 'node:os';
import { parsePayload } from '@/lib/jobs';
import { recordHeartbeat } from '@/lib/services/workers/record-heartbeat';

export function buildTaskList(worker: { id: string; startedAt: Date }): TaskList {
  return {
    heartbeat: async (payload) => {
      parsePayload('heartbeat', payload ?? {});
      await recordHeartbeat({ id: worker.id, hostname: hostname(), pid: process.pid, startedAt: worker.startedAt });
    },
  };
}

/** Cron items: graphile-worker de-duplicates them across worker processes. */
export const CRONTAB = ['* * * * * heartbeat ?max=1'].join('\n');
