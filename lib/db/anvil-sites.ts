/**
 * Sites as the Hammerspace features see them: the Anvil connection (password still sealed; services
 * open it), the shares each site takes part in, and the Anvil's reachability, which is written only
 * when it changes so a steady collector writes nothing to the site row.
 */
import { db, type Tx } from './client';

const ANVIL_SITE = {
  id: true, name: true, region: true, state: true, isHome: true, publishRoot: true,
  anvilUrl: true, anvilUsername: true, anvilPasswordEnc: true, anvilTrustSelfSigned: true, anvilHealthy: true, anvilUnreachableAt: true,
} as const;

export function findAnvilSite(siteId: string, tx: Tx = db()) {
  return tx.site.findUnique({ where: { id: siteId }, select: ANVIL_SITE });
}

export type TAnvilSiteRow = NonNullable<Awaited<ReturnType<typeof findAnvilSite>>>;

/** Sites with an Anvil to talk to, home first. Planned and stopped sites have no Anvil worth asking. */
export function listAnvilSites(tx: Tx = db()) {
  return tx.site.findMany({
    where: { anvilUrl: { not: null }, state: { in: ['provisioning', 'active', 'draining'] } },
    select: ANVIL_SITE,
    orderBy: [{ isHome: 'desc' }, { name: 'asc' }],
  });
}

export function findHomeSite(tx: Tx = db()) {
  return tx.site.findFirst({ where: { isHome: true }, select: ANVIL_SITE });
}

/** The shares a site takes part in, with every other participant that has an Anvil. */
export function sharesOfSite(siteId: string, tx: Tx = db()) {
  return tx.share.findMany({
    where: { participants: { some: { siteId } } },
    select: {
      id: true, name: true, path: true, lagAlertSeconds: true,
      participants: { select: { site: { select: ANVIL_SITE } } },
    },
    orderBy: { name: 'asc' },
  });
}

export function listSharesWithSites(tx: Tx = db()) {
  return tx.share.findMany({
    select: { id: true, name: true, path: true, lagAlertSeconds: true, participants: { select: { site: { select: { id: true, name: true, region: true, isHome: true } } } } },
    orderBy: { name: 'asc' },
  });
}

/** Each share's name and lag threshold, without its participants (the Overview's worst-lag figure). */
export function listShareThresholds(tx: Tx = db()) {
  return tx.share.findMany({ select: { id: true, name: true, lagAlertSeconds: true } });
}

/** Records whether the Anvil answered; returns true when that changed. */
export async function recordAnvilReachability(
  site: { id: string; anvilHealthy: boolean | null; anvilUnreachableAt: Date | null },
  reachable: boolean,
  now: Date,
  tx: Tx = db(),
): Promise<boolean> {
  if (reachable && site.anvilHealthy === true && site.anvilUnreachableAt === null) return false;
  if (!reachable && site.anvilHealthy === false && site.anvilUnreachableAt !== null) return false;
  await tx.site.update({
    where: { id: site.id },
    // The first failure's time is kept: "unreachable since" must not move while the outage lasts.
    data: reachable ? { anvilHealthy: true, anvilUnreachableAt: null } : { anvilHealthy: false, anvilUnreachableAt: site.anvilUnreachableAt ?? now },
  });
  return true;
}
