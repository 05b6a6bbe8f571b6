/**
 * Site rows as the lifecycle use cases need them, and the compare-and-set write of a new state: the
 * update only applies while the site is still in the state the caller read, so two admins (or an
 * admin and a worker) can never both move a site.
 */
import type { SiteState } from './generated/client';
import { db, type Tx } from './client';

export const LIFECYCLE_SITE = {
  id: true, name: true, region: true, state: true, isHome: true, failureReason: true, launchesAllowed: true,
  anvilUrl: true, anvilUsername: true, anvilPasswordEnc: true, anvilTrustSelfSigned: true, anvilHealthy: true, anvilUnreachableAt: true,
  lastReconciledAt: true, lastReconcileError: true, publishRoot: true,
} as const;

export function findLifecycleSite(id: string, tx: Tx = db()) {
  return tx.site.findUnique({ where: { id }, select: LIFECYCLE_SITE });
}

export type TLifecycleSite = NonNullable<Awaited<ReturnType<typeof findLifecycleSite>>>;

export async function setSiteState(
  site: { id: string; state: SiteState },
  to: SiteState,
  extra: { failureReason?: string | null; launchesAllowed?: boolean },
  tx: Tx,
): Promise<boolean> {
  const r = await tx.site.updateMany({ where: { id: site.id, state: site.state }, data: { state: to, ...extra } });
  return r.count === 1;
}

/** Sites whose workflow should be running: provisioning, draining, or active with a bring-up to finish. */
export async function sitesWithOpenWorkflows(tx: Tx = db()): Promise<Array<{ id: string; state: SiteState }>> {
  return tx.site.findMany({
    where: {
      OR: [
        { state: { in: ['provisioning', 'draining'] } },
        { state: 'active', steps: { some: { workflow: 'bring-up', status: { in: ['pending', 'running'] } } } },
      ],
    },
    select: { id: true, state: true },
  });
}
