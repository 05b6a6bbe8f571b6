/**
 * The site facts the workstation features need (region, DCV gateway, idle policy) and the site's
 * reconcile status. The status is written when it changes, and otherwise at most every few minutes as a
 * heartbeat, so a steady pass over a quiet site writes nothing.
 */
import { db, type Tx } from './client';

export const SITE_HEARTBEAT_MS = 5 * 60_000;

const SITE_SELECT = {
  id: true, name: true, region: true, state: true, launchesAllowed: true, artistsMayStartStop: true, dcvGatewayHost: true,
  idleStopMinutes: true, idleWarnMinutes: true, lastReconciledAt: true, lastReconcileError: true,
} as const;

export function findWorkstationSite(siteId: string, tx: Tx = db()) {
  return tx.site.findUnique({ where: { id: siteId }, select: SITE_SELECT });
}

/** Sites with anything in AWS to reconcile: every site past planning (a stopped site may still hold instances). */
export function listReconcilableSites(tx: Tx = db()) {
  return tx.site.findMany({ where: { state: { not: 'planned' } }, select: SITE_SELECT, orderBy: { name: 'asc' } });
}

export function listSitesForWorkstations(tx: Tx = db()) {
  return tx.site.findMany({ select: SITE_SELECT, orderBy: [{ isHome: 'desc' }, { name: 'asc' }] });
}

export async function recordSiteReconcile(
  site: { id: string; lastReconciledAt: Date | null; lastReconcileError: string | null },
  error: string | null,
  now: Date,
  tx: Tx = db(),
): Promise<boolean> {
  const stale = !site.lastReconciledAt || now.getTime() - site.lastReconciledAt.getTime() >= SITE_HEARTBEAT_MS;
  if (!stale && site.lastReconcileError === error) return false;
  // A failed pass keeps the time of the last good one, so "last reconcile" never hides an outage.
  await tx.site.update({ where: { id: site.id }, data: error ? { lastReconcileError: error } : { lastReconcileError: null, lastReconciledAt: now } });
  return true;
}
