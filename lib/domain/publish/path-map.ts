// Path mapping between sites. A clip written in one region carries that site's absolute mounts
// (`/mnt/hs/east/projects/...`, or `/Volumes/...` from a Mac), so before the control plane
// looks for a version's frames at another site it swaps the root. Roots only ever match whole
// path segments: `/mnt/hs/east` must not capture `/mnt/hs/eastern`.

/** Slashes only, no duplicate or trailing slash, `.` segments gone; `..` kept (never guessed). */
function clean(p: string): string {
  const posix = p.replace(/\\/g, '/');
  const lead = posix.startsWith('/') ? '/' : '';
  const body = posix
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/');
  return lead + body || (lead ? '/' : '');
}

/** A path relative to a projects root, cleaned; null when it climbs out (`..`) or is empty. */
export function normalizeRelative(p: string): string | null {
  const cleaned = clean(p).replace(/^\/+/, '');
  if (cleaned === '' || cleaned.split('/').includes('..')) return null;
  return cleaned;
}

/** `path` relative to `root`, or null when it is not under it. */
export function relativeToRoot(path: string, root: string): string | null {
  const p = clean(path);
  const r = clean(root);
  if (p.split('/').includes('..')) return null;
  if (r === '/') return p.startsWith('/') ? p.slice(1) : null;
  if (p === r) return '';
  return p.startsWith(`${r}/`) ? p.slice(r.length + 1) : null;
}

/**
 * Swap `fromRoot` for `toRoot` at the start of `path`:
 * `mapPath('/mnt/hs/east/projects/a/x.clip', '/mnt/hs/east/projects', '/mnt/hs/west/projects')`
 * → `/mnt/hs/west/projects/a/x.clip`. Null when `path` is not under `fromRoot`.
 */
export function mapPath(path: string, fromRoot: string, toRoot: string): string | null {
  const rel = relativeToRoot(path, fromRoot);
  if (rel === null) return null;
  const to = clean(toRoot);
  if (rel === '') return to;
  return to === '/' ? `/${rel}` : `${to}/${rel}`;
}

export interface TSiteRoot {
  site: string;
  /** Where the projects live on that site; a site may list several (Linux and macOS mounts). */
  root: string;
}

/**
 * Map a path from whichever known site it belongs to (longest matching root wins) onto
 * `toSite`'s first root. Null when no site claims the path or `toSite` has no root.
 */
export function mapToSite(path: string, roots: readonly TSiteRoot[], toSite: string): { fromSite: string; path: string } | null {
  const target = roots.find((r) => r.site === toSite);
  if (!target) return null;
  let best: TSiteRoot | null = null;
  let bestLength = -1;
  for (const r of roots) {
    const length = clean(r.root).length;
    if (relativeToRoot(path, r.root) !== null && length > bestLength) {
      best = r;
      bestLength = length;
    }
  }
  if (!best) return null;
  const mapped = mapPath(path, best.root, target.root);
  return mapped === null ? null : { fromSite: best.site, path: mapped };
}
