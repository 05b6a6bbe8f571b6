/** What the launch dialog offers: sites with their profiles (and why a site cannot launch), artists, prices. */
import { listLaunchProfiles, priceMap } from '@/lib/db/launch-profiles';
import { listAssignableArtists } from '@/lib/db/workstations';
import { listSitesForWorkstations } from '@/lib/db/workstation-sites';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import type { LaunchOptionsView } from '@/lib/domain/workstations/views';

export async function listLaunchOptions(actor: Actor): Promise<LaunchOptionsView> {
  requireRole(actor, 'admin');
  const [sites, profiles, artists, prices] = await Promise.all([listSitesForWorkstations(), listLaunchProfiles(), listAssignableArtists(), priceMap()]);
  return {
    sites: sites.map((s) => {
      const reason = s.state !== 'active' ? `${s.name} is ${s.state}` : !s.launchesAllowed ? `Launches are paused at ${s.name}` : null;
      const mine = profiles.filter((p) => p.siteId === s.id).map((p) => ({ id: p.id, name: p.name, kind: p.kind, instanceTypes: p.instanceTypes }));
      return { id: s.id, name: s.name, region: s.region, launchable: !reason && mine.length > 0, reason: reason ?? (mine.length ? null : 'No launch profile yet'), profiles: mine };
    }),
    artists,
    prices: Object.fromEntries(prices),
  };
}
