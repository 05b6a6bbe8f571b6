/**
 * Where each shot's data is, per site, as badges ("East ✓", "West 7 s behind"). Each studio site's
 * own Anvil lists the shot folder with replication details (its view of the namespace, and where
 * every file's bytes are); lib/domain/shots/locality folds the listings into badges. Answers are
 * cached a few seconds per shot, so a page refreshed by live updates does not walk every folder
 * again, and concurrent requests for one shot share one walk. A site whose Anvil does not answer is
 * shown as unknown, never as fine.
 */
import { z } from 'zod';
import { isAnvilDown } from '@/lib/adapters/hammerspace';
import { db } from '@/lib/db/client';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { namespacePath } from '@/lib/domain/hammerspace/publish-paths';
import type { AnvilPort } from '@/lib/domain/hammerspace/port';
import type { TFileNode } from '@/lib/domain/hammerspace/types';
import { localityBadges, type TListedFile, type TLocalityBadge, type TSiteListing } from '@/lib/domain/shots/locality';
import { AppError } from '@/lib/errors';
import { mapWithConcurrency } from '@/lib/utils/concurrency';
import { anvilForSite, errorText, hasAnvil } from '../hammerspace/anvil-for-site';
import { parseInput } from '../hammerspace/parse-input';

export const ZShotLocalityInput = z.object({
  shotIds: z.array(z.string().min(1).max(64)).min(1).max(200),
  /** What the page showed when it asked (it changes with a new version): a new stamp is never served from the cache. */
  stamp: z.string().max(64).optional(),
});
export type TShotLocality = { shotId: string; checkedAt: string; badges: TLocalityBadge[] };

export const LOCALITY_TTL_MS = 5_000;
/** Bounds on one folder walk; a folder beyond them is reported as too large to check. */
const LIMITS = { calls: 60, files: 5_000, depth: 6 };
const cache = new Map<string, { at: number; stamp: string; value: Promise<TShotLocality> }>();

export async function getShotLocality(actor: Actor, raw: z.input<typeof ZShotLocalityInput>, now = () => Date.now()): Promise<TShotLocality[]> {
  requireRole(actor, 'admin', 'producer');
  const { shotIds, stamp = '' } = parseInput(ZShotLocalityInput, raw);
  const ids = [...new Set(shotIds)];
  const fresh = (id: string) => {
    const hit = cache.get(id);
    return hit && hit.stamp === stamp && now() - hit.at < LOCALITY_TTL_MS ? hit.value : null;
  };
  const wanted = ids.filter((id) => !fresh(id));
  if (wanted.length > 0) {
    const studio = loadStudio();
    const shots = db().shot.findMany({ where: { id: { in: wanted } }, select: { id: true, folderPath: true } });
    const byId = shots.then((rows) => new Map(rows.map((r) => [r.id, r.folderPath])));
    for (const id of wanted) {
      const value = Promise.all([studio, byId]).then(async ([s, folders]) => {
        const folder = folders.get(id);
        if (folder === undefined) throw new AppError('NOT_FOUND', 'That shot does not exist.');
        return { shotId: id, checkedAt: new Date(now()).toISOString(), badges: await badgesFor(s, folder, now) };
      });
      // A failed walk is not cached: the next request tries again.
      value.catch(() => {
        if (cache.get(id)?.value === value) cache.delete(id);
      });
      cache.set(id, { at: now(), stamp, value });
    }
  }
  if (cache.size > 5_000) for (const [id, hit] of cache) if (now() - hit.at >= LOCALITY_TTL_MS) cache.delete(id);
  return Promise.all(ids.map((id) => (fresh(id) ?? cache.get(id)?.value) as Promise<TShotLocality>));
}

type TStudio = { sharePath: string | null; homeRoot: string | null; sites: Array<{ id: string; name: string; anvil: AnvilPort | null }> };

/** The share the home site publishes into, and the sites taking part in it (home first). */
async function loadStudio(): Promise<TStudio> {
  const home = await db().site.findFirst({ where: { isHome: true }, select: { id: true, publishRoot: true } });
  const shares = await db().share.findMany({
    where: home ? { participants: { some: { siteId: home.id } } } : {},
    select: {
      name: true, path: true,
      participants: {
        where: { site: { state: { in: ['active', 'provisioning', 'draining'] } } },
        select: { site: { select: { id: true, name: true, isHome: true, anvilUrl: true, anvilUsername: true, anvilPasswordEnc: true, anvilTrustSelfSigned: true } } },
      },
    },
    orderBy: { name: 'asc' },
  });
  const leaf = home?.publishRoot?.replace(/\/+$/, '').split('/').pop();
  const share = shares.find((s) => s.name === leaf) ?? shares[0];
  if (!share) return { sharePath: null, homeRoot: home?.publishRoot ?? null, sites: [] };
  const sites = share.participants
    .map((p) => p.site)
    .sort((a, b) => Number(b.isHome) - Number(a.isHome) || a.name.localeCompare(b.name))
    .map((s) => ({ id: s.id, name: s.name, anvil: hasAnvil(s) ? anvilForSite(s, { timeoutMs: 3_000 }) : null }));
  return { sharePath: share.path, homeRoot: home?.publishRoot ?? null, sites };
}

async function badgesFor(studio: TStudio, folder: string, now: () => number): Promise<TLocalityBadge[]> {
  const ns = studio.sharePath ? namespacePath(folder, studio.homeRoot, studio.sharePath) : null;
  if (!ns) return [];
  const listings = await mapWithConcurrency(studio.sites, 4, async (site): Promise<TSiteListing> => {
    const base = { siteId: site.id, siteName: site.name };
    if (!site.anvil) return { ...base, ok: false, error: 'no Anvil is configured for this site' };
    try {
      return { ...base, ok: true, files: await listFolder(site.anvil, ns) };
    } catch (err) {
      if (err instanceof WalkTooLarge) return { ...base, ok: false, error: 'the shot folder is too large to check' };
      return { ...base, ok: false, error: isAnvilDown(err) ? 'its Anvil is not answering' : errorText(err) };
    }
  });
  return localityBadges(listings, now());
}

class WalkTooLarge extends Error {}

// The Anvil answers a path it has never heard of with a 500 "No such file or directory": for this
// walk that is an empty folder (nothing has reached that site yet), not a failure.
const isMissingPath = (err: unknown) => err instanceof AppError && /no such file or directory/i.test(err.userMessage);

/** The files under `root` as this Anvil sees them, paths relative to `root`. */
async function listFolder(anvil: AnvilPort, root: string): Promise<TListedFile[]> {
  const files: TListedFile[] = [];
  let calls = 0;
  const add = (f: TFileNode) => {
    files.push({ path: f.path.slice(root.length + 1), size: f.size, modifiedMs: f.modifiedMs, dataPresentAt: f.replication?.dataPresentAt ?? [] });
    if (files.length > LIMITS.files) throw new WalkTooLarge();
  };
  const visit = async (p: string, depth: number): Promise<void> => {
    if (++calls > LIMITS.calls || depth > LIMITS.depth) throw new WalkTooLarge();
    const node = await anvil.files(p, { replicationDetails: true });
    if (!node.isDirectory) return add(node);
    for (const child of node.children) {
      if (child.isDirectory) await visit(child.path, depth + 1);
      else add(child);
    }
  };
  try {
    await visit(root, 0);
  } catch (err) {
    if (isMissingPath(err) && calls === 1) return [];
    throw err;
  }
  return files;
}

/** For tests: forget cached answers. */
export function clearLocalityCache(): void {
  cache.clear();
}
