/**
 * The per-minute idle check over every site with an idle policy. Sites are checked independently: one
 * region's CloudWatch failing is logged and does not keep the others from being checked.
 */
import { listReconcilableSites } from '@/lib/db/workstation-sites';
import { systemActor } from '@/lib/domain/auth/actor';
import { logger } from '@/lib/logger';
import { autoStopIdle, type IdleCheckResult } from './auto-stop-idle';

export async function autoStopIdleAllSites(): Promise<IdleCheckResult[]> {
  const actor = systemActor('idle-stop');
  const sites = (await listReconcilableSites()).filter((s) => s.idleStopMinutes && s.state === 'active');
  const settled = await Promise.allSettled(sites.map((s) => autoStopIdle(actor, { siteId: s.id })));
  return settled.flatMap((r, i) => {
    if (r.status === 'fulfilled') return [r.value];
    logger.warn({ err: r.reason, siteId: sites[i]?.id }, 'idle check failed for a site');
    return [];
  });
}
