/** Per-minute fan-out: every reconcilable site gets a pending pass if its chain died (each site is its own job). */
import type { Task } from 'graphile-worker';
import { parsePayload } from '@/lib/jobs';
import { ensureReconcileChains } from '@/lib/services/workstations/request-reconcile';

export const reconcileAllTask: Task = async (payload) => {
  parsePayload('workstations:reconcile-all', payload ?? {});
  await ensureReconcileChains();
};
