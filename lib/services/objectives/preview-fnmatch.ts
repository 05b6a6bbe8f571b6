/**
 * Which published files each FNMATCH pattern of an expression matches today: shots' Open Clip and Batch
 * paths from the database, and what the home site's Anvil lists under the share (walked breadth-first,
 * within a time and size budget so a huge tree never stalls the editor). Paths are namespace paths, the
 * PATH the Anvil evaluates.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { findHomeSite } from '@/lib/db/anvil-sites';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { namespacePath, previewPatterns, type TPatternPreview } from '@/lib/domain/hammerspace/publish-paths';
import type { AnvilPort } from '@/lib/domain/hammerspace/port';
import { MAX_EXPRESSION_LENGTH } from '@/lib/domain/objectives';
import { anvilForSite, errorText, hasAnvil } from '@/lib/services/hammerspace/anvil-for-site';
import { parseInput } from '@/lib/services/hammerspace/parse-input';
import { parserCheck } from './expression-checks';

export const ZPreviewFnmatch = z.object({ expression: z.string().max(MAX_EXPRESSION_LENGTH), shareId: z.string().min(1).optional() });

export type TFnmatchPreview = {
  share: string | null;
  patterns: TPatternPreview[];
  files: number;
  fromDatabase: number;
  fromAnvil: { site: string; files: number; truncated: boolean; error: string | null } | null;
};

const BUDGET = { dirs: 300, files: 20_000, ms: 4_000 };

async function walkAnvil(port: AnvilPort, root: string): Promise<{ files: string[]; truncated: boolean }> {
  const files: string[] = [];
  const queue = [root];
  const deadline = Date.now() + BUDGET.ms;
  let dirs = 0;
  while (queue.length) {
    if (dirs >= BUDGET.dirs || files.length >= BUDGET.files || Date.now() > deadline) return { files, truncated: true };
    const dir = queue.shift() as string;
    dirs++;
    const node = await port.files(dir);
    for (const c of node.children) (c.isDirectory ? queue : files).push(c.path);
  }
  return { files, truncated: false };
}

export async function previewFnmatch(actor: Actor, raw: z.input<typeof ZPreviewFnmatch>): Promise<TFnmatchPreview> {
  requireRole(actor, 'admin');
  const input = parseInput(ZPreviewFnmatch, raw);
  const parsed = parserCheck(input.expression);
  const share = await db().share.findFirst({ where: input.shareId ? { id: input.shareId } : {}, orderBy: { name: 'asc' }, select: { name: true, path: true } });
  const empty: TFnmatchPreview = { share: share?.name ?? null, patterns: [], files: 0, fromDatabase: 0, fromAnvil: null };
  if (!parsed.ok || !parsed.fnmatch.length || !share) return empty;

  const home = await findHomeSite();
  const shots = await db().shot.findMany({ select: { clipPath: true, batchPath: true }, take: 50_000 });
  const paths = new Set<string>();
  for (const s of shots) {
    for (const f of [s.clipPath, s.batchPath]) {
      const ns = f ? namespacePath(f, home?.publishRoot ?? null, share.path) : null;
      if (ns) paths.add(ns);
    }
  }
  const fromDatabase = paths.size;
  let fromAnvil: TFnmatchPreview['fromAnvil'] = null;
  if (home && hasAnvil(home)) {
    try {
      const walked = await walkAnvil(anvilForSite(home, { timeoutMs: 3_000 }), share.path);
      walked.files.forEach((f) => paths.add(f));
      fromAnvil = { site: home.name, files: walked.files.length, truncated: walked.truncated, error: null };
    } catch (err) {
      fromAnvil = { site: home.name, files: 0, truncated: false, error: errorText(err) };
    }
  }
  const all = [...paths].sort();
  return { share: share.name, patterns: previewPatterns(parsed.fnmatch, all), files: all.length, fromDatabase, fromAnvil };
}
