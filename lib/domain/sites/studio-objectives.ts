/**
 * Which objective applications a new site should get: those the studio holds at every other site
 * taking part in the share (studio-wide placement, such as "Open Clips local everywhere"). An objective
 * held at only some sites, or one whose preset is meant for the home site alone, is about those sites
 * and is not copied.
 */
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
