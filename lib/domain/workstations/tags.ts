/**
 * The tags that mark an instance as ours. `studio:managed=true` is what the reconciler filters on (server
 * side), and what IAM policies scope mutating calls to; `studio:workstation-id` lets a crashed launch be
 * found again even before its instance id was written down.
 */
export const TAG_MANAGED = 'studio:managed';
export const TAG_WORKSTATION_ID = 'studio:workstation-id';
export const TAG_SITE = 'studio:site';
export const TAG_ARTIST = 'studio:artist';

export function workstationTags(w: { id: string; name: string; region: string; artistEmail: string | null }): Array<[string, string]> {
  const tags: Array<[string, string]> = [
    ['Name', w.name],
    [TAG_MANAGED, 'true'],
    [TAG_WORKSTATION_ID, w.id],
    [TAG_SITE, w.region],
  ];
  // An unassigned machine carries no artist tag rather than an empty one: cost reports group by it.
  if (w.artistEmail) tags.push([TAG_ARTIST, w.artistEmail]);
  return tags;
}
