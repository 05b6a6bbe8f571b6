// Where a shot's data is, one badge per site: "East ✓" (it sees every file and holds the bytes),
// "West 7 s behind" (its view still lacks a change another site already made, for that long),
// "London · 1/3 local" (it sees everything, but opening the rest reads across regions), or "?" when
// its Anvil did not answer (never shown as fine).
//
// Input is each site's own listing of the shot folder from its Anvil (`/files` with replication
// details). Hammerspace copies keep the origin's mtime, so the newest mtime of a path over all
// listings is the latest change, and a site whose listing lacks it has not received it yet; the
// age of the oldest such change is how far behind it is (the same measure as Hammerspace's
// send_behind gauge, but for this shot's files only).

export interface TListedFile {
  /** Relative to the shot folder. */
  path: string;
  size: number;
  modifiedMs: number | null;
  /** Names of the sites holding the current bytes, as the listing site reports them. */
  dataPresentAt: readonly string[];
}

export type TSiteListing = { siteId: string; siteName: string } & ({ ok: true; files: readonly TListedFile[] } | { ok: false; error: string });

export type TLocalityState = 'local' | 'behind' | 'remote' | 'empty' | 'unknown';

export interface TLocalityBadge {
  siteId: string;
  siteName: string;
  state: TLocalityState;
  /** Seconds since the oldest change this site has not received; only for `behind`. */
  behindSeconds: number | null;
  /** Files whose bytes are at this site, of `files` it lists. */
  localFiles: number;
  files: number;
  label: string;
  detail: string;
}

// Copies keep the origin's mtime; filesystems round it differently (the simulator compares within 2 ms).
const MTIME_TOLERANCE_MS = 2;

export function localityBadges(listings: readonly TSiteListing[], nowMs: number): TLocalityBadge[] {
  const newest = new Map<string, number>();
  for (const l of listings) {
    if (!l.ok) continue;
    for (const f of l.files) newest.set(f.path, Math.max(newest.get(f.path) ?? -Infinity, f.modifiedMs ?? 0));
  }
  return listings.map((l) => {
    const base = { siteId: l.siteId, siteName: l.siteName };
    if (!l.ok) return { ...base, state: 'unknown', behindSeconds: null, localFiles: 0, files: 0, label: `${l.siteName} ?`, detail: `Could not ask ${l.siteName}: ${l.error}` };
    const mine = new Map(l.files.map((f) => [f.path, f]));
    let oldestUnseen: number | null = null;
    let unseen = 0;
    for (const [path, mtime] of newest) {
      const own = mine.get(path);
      if (own && (own.modifiedMs ?? 0) >= mtime - MTIME_TOLERANCE_MS) continue;
      unseen++;
      oldestUnseen = oldestUnseen === null ? mtime : Math.min(oldestUnseen, mtime);
    }
    const localFiles = l.files.filter((f) => f.dataPresentAt.includes(l.siteName)).length;
    const files = l.files.length;
    if (oldestUnseen !== null) {
      const behindSeconds = Math.max(0, (nowMs - oldestUnseen) / 1000);
      return {
        ...base, state: 'behind', behindSeconds, localFiles, files,
        label: `${l.siteName} ${formatAge(behindSeconds)} behind`,
        detail: `${l.siteName} has not yet received ${unseen} change${unseen === 1 ? '' : 's'} made at another site`,
      };
    }
    if (files === 0) return { ...base, state: 'empty', behindSeconds: null, localFiles, files, label: `${l.siteName} —`, detail: 'Nothing is published in this shot’s folder yet' };
    if (localFiles === files) return { ...base, state: 'local', behindSeconds: null, localFiles, files, label: `${l.siteName} ✓`, detail: `All ${files} files are at ${l.siteName}` };
    return {
      ...base, state: 'remote', behindSeconds: null, localFiles, files,
      label: `${l.siteName} · ${localFiles}/${files} local`,
      detail: `${l.siteName} sees every file, but opening the other ${files - localFiles} reads them from another site`,
    };
  });
}

/** 0.4 → "<1 s", 7.2 → "7 s", 250 → "4 min", 7300 → "2 h". */
export function formatAge(seconds: number): string {
  if (seconds < 1) return '<1 s';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} d`;
}
