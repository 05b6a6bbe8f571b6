import { db } from '@/lib/db/client';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';

/** Every site with what an admin needs to judge it: state, Anvil health, last reconcile. */
export async function listSites(actor: Actor) {
  requireRole(actor, 'admin');
  const sites = await db().site.findMany({
    orderBy: [{ isHome: 'desc' }, { name: 'asc' }],
    select: {
      id: true, name: true, region: true, state: true, isHome: true, failureReason: true, anvilUrl: true, anvilHealthy: true,
      anvilUnreachableAt: true, lastReconciledAt: true, lastReconcileError: true, launchesAllowed: true,
      _count: { select: { workstations: { where: { desiredState: { not: 'terminated' } } } } },
    },
  });
  return sites.map(({ _count, ...s }) => ({
    ...s,
    workstationCount: _count.workstations,
    anvilUnreachableAt: s.anvilUnreachableAt?.toISOString() ?? null,
    lastReconciledAt: s.lastReconciledAt?.toISOString() ?? null,
  }));
}
