/**
 * Which files have their only data copy at one site, from an Anvil's `/files` answers with replication
 * details. `dataPresentAt` names every site holding the current bytes; an older release may leave it
 * empty, and then `accessDependency: LOCAL` (this site holds the bytes) is taken as "only here", since
 * nothing says another site has them.
 */
import type { TFileNode } from '@/lib/domain/hammerspace/types';

export function holdersOf(file: TFileNode, viewingSite: string): string[] {
  const r = file.replication;
  if (!r) return [];
  if (r.dataPresentAt.length) return [...new Set(r.dataPresentAt)];
  return r.accessDependency === 'LOCAL' ? [viewingSite] : [];
}

/** True when `site` holds the file's bytes and no other site does. */
export function isOnlyCopyAt(file: TFileNode, site: string): boolean {
  if (file.isDirectory) return false;
  const holders = holdersOf(file, site);
  return holders.length > 0 && holders.every((h) => h === site);
}

export type TWalkLimits = { calls: number; files: number; depth: number };
export const DEFAULT_WALK: TWalkLimits = { calls: 500, files: 50_000, depth: 12 };
