/** Per-minute fan-out: a pass for every site with an Anvil, so drift made on an Anvil is repaired. */
import type { Task } from 'graphile-worker';
import { parsePayload } from '@/lib/jobs';
import { fanOutObjectivesReconcile } from '@/lib/services/objectives/request-reconcile';

export const objectivesReconcileAllTask: Task = async (payload) => {
  parsePayload('objectives:reconcile-all', payload ?? {});
  await fanOutObjectivesReconcile();
};
