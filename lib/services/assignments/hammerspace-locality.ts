/**
 * `LocalityReader` over Hammerspace: walks the shot folder through one Anvil's /files with replication
 * details, whose `dataPresentAt` names every site holding each file's current bytes. Any Anvil can
 * answer (the home site's first, as it owns the timeline and sees every publish); a down Anvil makes
 * the next one try, and when none answers the locality is "unknown", never "fine".
 */
import { anvilClient } from '@/lib/adapters/hammerspace';
import type { AnvilPort } from '@/lib/domain/hammerspace/port';
import type { TFileNode } from '@/lib/domain/hammerspace/types';
import { summarizeLocality, type LocalityReader, type TShotLocality, type TShotRef } from '@/lib/domain/assignments/locality';
import { namespacePath, relativeShotPath, shareForRoot } from '@/lib/domain/assignments/shot-paths';
import { AppError } from '@/lib/errors';
import { mapWithConcurrency } from '@/lib/utils/concurrency';
import { openSecret } from '../secrets';
import type { TStudioSite, TStudioSites } from './studio-sites';

/** Bounds on one folder walk: a shot with more files than this is reported as not checkable. */
const LIMITS = { calls: 200, files: 20_000, depth: 8 };
const TIMEOUT_MS = 5_000;

class WalkTooLarge extends Error {}

const isMissingPath = (err: unknown) =>
  err instanceof AppError && (err.vendorCode === 'ENTITY_NOT_FOUND' || err.vendorCode === 'HTTP_404' || /no such file or directory/i.test(err.userMessage));

function anvilOf(site: TStudioSite): AnvilPort | null {
  if (!site.anvilUrl || !site.anvilUsername || !site.anvilPasswordEnc) return null;
  return anvilClient({
    siteId: site.id, siteName: site.name, url: site.anvilUrl, username: site.anvilUsername,
    password: openSecret(site.anvilPasswordEnc), trustSelfSigned: site.anvilTrustSelfSigned, timeoutMs: TIMEOUT_MS,
  });
}

async function walk(anvil: AnvilPort, path: string): Promise<TFileNode[]> {
  const files: TFileNode[] = [];
  let calls = 0;
  const visit = async (p: string, depth: number): Promise<void> => {
    if (++calls > LIMITS.calls || depth > LIMITS.depth) throw new WalkTooLarge();
    const node = await anvil.files(p, { replicationDetails: true });
    if (!node.isDirectory) {
      files.push(node);
      return;
    }
    for (const child of node.children) {
      if (child.isDirectory) await visit(child.path, depth + 1);
      else files.push(child);
      if (files.length > LIMITS.files) throw new WalkTooLarge();
    }
  };
  try {
    await visit(path, 0);
  } catch (err) {
    if (isMissingPath(err)) return [];
    throw err;
  }
  return files;
}

export function hammerspaceLocality(studio: TStudioSites): LocalityReader {
  const siteIdByName = new Map(studio.sites.map((s) => [s.name, s.id]));
  const candidates = studio.sites.filter((s) => s.state === 'active' && s.anvilUrl).sort((a, b) => Number(b.isHome) - Number(a.isHome));
  return {
    async read(shot: TShotRef): Promise<TShotLocality> {
      const rel = relativeShotPath(shot.folderPath, studio.roots);
      if (rel === null) return { known: false, reason: 'the shot folder is outside every site’s projects root' };
      if (candidates.length === 0) return { known: false, reason: 'no site has an Anvil configured' };
      const failures: string[] = [];
      for (const site of candidates) {
        const share = shareForRoot(site.publishRoot, studio.shares);
        if (!share) continue;
        try {
          const anvil = anvilOf(site);
          if (!anvil) continue;
          const files = await walk(anvil, namespacePath(share.path, rel));
          return summarizeLocality(files.map((f) => ({ dataPresentAt: f.replication?.dataPresentAt ?? [] })), siteIdByName);
        } catch (err) {
          if (err instanceof WalkTooLarge) return { known: false, reason: 'the shot folder is too large to check' };
          failures.push(err instanceof AppError ? err.userMessage : `${site.name}'s Anvil failed`);
        }
      }
      return { known: false, reason: failures[0] ?? 'no Anvil serves the share of this shot' };
    },
  };
}

/** Reads many shots with a few requests in flight at once (bulk assignment of hundreds of shots). */
export async function readLocalities(reader: LocalityReader, shots: readonly TShotRef[], concurrency = 8): Promise<Map<string, TShotLocality>> {
  const results = await mapWithConcurrency(shots, concurrency, (shot) => reader.read(shot));
  return new Map(shots.map((s, i) => [s.id, results[i]!]));
}
