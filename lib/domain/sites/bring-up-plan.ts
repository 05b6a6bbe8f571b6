/**
 * What a bring-up has left to do, from what the Anvils and the database say: whether the new site is
 * already a remote site of the home Anvil or a participant of a share (so a re-run skips what a crashed
 * run did), and which objective applications it should get.
 *
 * Membership: a site is recognised by its Anvil's address (host:port of its URL) first and by its Anvil's
 * own site name otherwise: Anvils name peers the way they were named at install time, not the way the
 * studio names its sites.
 */
import { hostPort } from '@/lib/domain/hammerspace/peers';
import type { TAnvilSite, TShareParticipant } from '@/lib/domain/hammerspace/types';

export type TSiteIdentity = { anvilName: string; anvilUrl: string };

function addressOf(a: TAnvilSite): string | null {
  const m = a.mgmtAddress?.trim().toLowerCase();
  if (!m) return null;
  return m.includes('://') ? hostPort(m) : m;
}

export function findRemoteSite(homeSites: readonly TAnvilSite[], target: TSiteIdentity): TAnvilSite | null {
  const address = hostPort(target.anvilUrl);
  const remotes = homeSites.filter((s) => s.type === 'REMOTE');
  return remotes.find((s) => address !== null && addressOf(s) === address) ?? remotes.find((s) => s.name === target.anvilName) ?? null;
}

export function isParticipant(participants: readonly TShareParticipant[], anvilName: string): boolean {
  return participants.some((p) => p.name === anvilName);
}

/** What the home Anvil is told to reach the new site at: host:port of its management URL. */
export function remoteAddress(anvilUrl: string): string {
  return hostPort(anvilUrl) ?? anvilUrl;
}

/**
 * Which objective applications a new site should get: those the studio holds at every other site
 * taking part in the share (studio-wide placement, such as "Open Clips local everywhere"). An objective
 * held at only some sites, or one whose preset is meant for the home site alone, is about those sites
 * and is not copied. */
export type TApplicationFact = { objectiveId: string; shareId: string; path: string; siteId: string };
export type TApplicationKey = { objectiveId: string; shareId: string; path: string };

export function studioWideApplications(
  applications: readonly TApplicationFact[],
  /** the active sites taking part in each share, the new site left out */
  membersByShare: ReadonlyMap<string, readonly string[]>,
  homeOnly: ReadonlySet<string> = new Set(),
): TApplicationKey[] {
  const groups = new Map<string, { key: TApplicationKey; sites: Set<string> }>();
  for (const a of applications) {
    if (homeOnly.has(a.objectiveId)) continue;
    const id = `${a.objectiveId}\u0000${a.shareId}\u0000${a.path}`;
    const g = groups.get(id) ?? { key: { objectiveId: a.objectiveId, shareId: a.shareId, path: a.path }, sites: new Set<string>() };
    g.sites.add(a.siteId);
    groups.set(id, g);
  }
  const out: TApplicationKey[] = [];
  for (const { key, sites } of groups.values()) {
    const members = membersByShare.get(key.shareId) ?? [];
    if (members.length > 0 && members.every((m) => sites.has(m))) out.push(key);
  }
  return out.sort((a, b) => `${a.shareId}${a.path}${a.objectiveId}`.localeCompare(`${b.shareId}${b.path}${b.objectiveId}`));
}
