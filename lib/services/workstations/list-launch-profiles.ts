/** Launch profiles of every site and the price list, for the admin's profiles page. */
import { listLaunchProfiles, listPrices } from '@/lib/db/launch-profiles';
import { listSitesForWorkstations } from '@/lib/db/workstation-sites';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';

export async function listLaunchProfilesAndPrices(actor: Actor) {
  requireRole(actor, 'admin');
  const [sites, profiles, prices] = await Promise.all([listSitesForWorkstations(), listLaunchProfiles(), listPrices()]);
  const used = new Set(profiles.flatMap((p) => p.instanceTypes));
  return {
    sites: sites.map((s) => ({ id: s.id, name: s.name, region: s.region })),
    profiles: profiles.map((p) => ({
      id: p.id, siteId: p.siteId, site: p.site.name, region: p.site.region, name: p.name, kind: p.kind, amiId: p.amiId, instanceTypes: p.instanceTypes,
      subnetId: p.subnetId, securityGroupIds: p.securityGroupIds, volumeSizeGb: p.volumeSizeGb, updatedAt: p.updatedAt.toISOString(),
    })),
    prices: prices.map((p) => ({ instanceType: p.instanceType, hourlyUsd: Number(p.hourlyUsd), inUse: used.has(p.instanceType), updatedAt: p.updatedAt.toISOString() })),
    unpricedTypes: [...used].filter((t) => !prices.some((p) => p.instanceType === t)).sort(),
  };
}
