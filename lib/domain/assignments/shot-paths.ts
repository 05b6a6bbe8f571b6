/**
 * A shot's folder and Batch setup as seen from one site, and the folder's path inside the share (what
 * Hammerspace objectives and file listings take). Rows may store a path relative to the projects root
 * (the layout's patterns are relative) or absolute under the mount of the site that published it; both
 * are mapped with the publish module's path mapping, so a root only ever matches whole segments.
 */
import { mapToSite, normalizeRelative, relativeToRoot, type TSiteRoot } from '@/lib/domain/publish';

export type TSiteRootRef = { siteId: string; publishRoot: string | null };

const rootsOf = (sites: readonly TSiteRootRef[]): TSiteRoot[] =>
  sites.filter((s): s is { siteId: string; publishRoot: string } => !!s.publishRoot).map((s) => ({ site: s.siteId, root: s.publishRoot }));

/** The path relative to the projects root, or null when no site's root claims an absolute path. */
export function relativeShotPath(path: string, sites: readonly TSiteRootRef[]): string | null {
  if (!path.startsWith('/')) return normalizeRelative(path);
  let best: { rel: string; length: number } | null = null;
  for (const r of rootsOf(sites)) {
    const rel = relativeToRoot(path, r.root);
    if (rel !== null && rel !== '' && (!best || r.root.length > best.length)) best = { rel, length: r.root.length };
  }
  return best?.rel ?? null;
}

/** `path` as the artist at `siteId` opens it; null when it cannot be mapped (shown raw by the caller). */
export function pathAtSite(path: string | null, sites: readonly TSiteRootRef[], siteId: string): string | null {
  if (!path) return null;
  const target = sites.find((s) => s.siteId === siteId)?.publishRoot;
  if (!target) return null;
  if (!path.startsWith('/')) {
    const rel = normalizeRelative(path);
    return rel === null ? null : `${target.replace(/\/+$/, '')}/${rel}`;
  }
  return mapToSite(path, rootsOf(sites), siteId)?.path ?? null;
}

/** The share whose folder a site's projects root is (`…/projects` → the `projects` share). */
export function shareForRoot<S extends { name: string }>(publishRoot: string | null, shares: readonly S[]): S | null {
  const last = publishRoot?.replace(/\/+$/, '').split('/').pop();
  const named = shares.find((s) => s.name === last);
  if (named) return named;
  return shares.length === 1 ? shares[0]! : null;
}

/** A path inside the share as a `/`-rooted share path (`acme/sq/sh010` → `/acme/sq/sh010`). */
export function sharePathOf(relative: string): string {
  return `/${relative.replace(/^\/+/, '')}`;
}

/** The namespace path Hammerspace lists (`/projects` + `/acme/sq/sh010`). */
export function namespacePath(shareExportPath: string, relative: string): string {
  const base = shareExportPath.replace(/\/+$/, '');
  return `${base}${sharePathOf(relative)}`;
}
