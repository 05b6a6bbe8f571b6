/**
 * A full scan of the home site's publish root: every shot clip is indexed, a bounded number at a time,
 * and shots whose clip is no longer there are marked missing (kept, with their versions). Runs when the
 * watcher starts, and as the periodic safety net for events the watcher never got (NFS, a restart, a
 * crash mid-change). A walk that could not read every folder, or a root that looks unmounted, never
 * marks anything missing.
 */
import { isReadableDir, walkFiles } from '@/lib/adapters/publish/clip-files';
import { db } from '@/lib/db/client';
import { isOpenClipCandidate } from '@/lib/domain/openclip';
import { relativeToRoot } from '@/lib/domain/publish';
import { logger } from '@/lib/logger';
import { mapWithConcurrency } from '@/lib/utils/concurrency';
import { indexClipFile, writeEvents, type TIndexStatus } from './index-clip';
import { loadScanContext, type TScanContext } from './scan-context';

export interface TScanReport {
  root: string | null;
  clips: number;
  counts: Record<TIndexStatus, number>;
  missing: number;
  errors: string[];
  ms: number;
}

export interface TScanOptions {
  /** Clips read and indexed at once. */
  concurrency?: number;
  /** Skip clips whose size and mtime did not move since they were indexed (periodic rescans). */
  trustStat?: boolean;
  ctx?: TScanContext;
}

const emptyCounts = (): Record<TIndexStatus, number> => ({ indexed: 0, failed: 0, unchanged: 0, 'not-a-shot': 0, skipped: 0, missing: 0, changing: 0 });

export async function scanPublishRoot(opts: TScanOptions = {}): Promise<TScanReport> {
  const started = Date.now();
  const counts = emptyCounts();
  let ctx = opts.ctx;
  if (!ctx) {
    const loaded = await loadScanContext();
    if (!loaded.ok) return { root: null, clips: 0, counts, missing: 0, errors: [loaded.reason], ms: Date.now() - started };
    ctx = loaded.ctx;
  }
  const root = ctx.home.publishRoot;
  if (!(await isReadableDir(root))) {
    return { root, clips: 0, counts, missing: 0, errors: [`the publish root ${root} of ${ctx.home.name} cannot be read (not mounted?)`], ms: Date.now() - started };
  }
  const walked = await walkFiles(root, isOpenClipCandidate, { concurrency: 16 });
  const errors = [...walked.errors];
  const c = ctx;
  await mapWithConcurrency(walked.files, opts.concurrency ?? 8, async (abs) => {
    try {
      const outcome = await indexClipFile(c, abs, { trustStat: opts.trustStat });
      counts[outcome.status]++;
      if (outcome.status === 'skipped' && outcome.reason && !errors.includes(outcome.reason)) errors.push(outcome.reason);
    } catch (err) {
      errors.push(`${abs}: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  const trusted = walked.errors.length === 0 && !walked.truncated;
  const missing = trusted ? await markMissing(c, walked.files) : 0;
  const report = { root, clips: walked.files.length, counts, missing, errors, ms: Date.now() - started };
  logger.info({ ...report, errors: errors.slice(0, 5) }, 'publish root scanned');
  return report;
}

/** Shots whose clip was not among the files found (paths are stored relative to the root). */
async function markMissing(ctx: TScanContext, files: readonly string[]): Promise<number> {
  const present = await db().shot.findMany({ where: { clipMissingAt: null, clipPath: { not: null } }, select: { id: true, clipPath: true } });
  if (present.length > 0 && files.length === 0) {
    logger.warn({ root: ctx.home.publishRoot, shots: present.length }, 'publish root holds no clips at all; not marking every shot missing (unmounted?)');
    return 0;
  }
  const found = new Set(files.map((f) => relativeToRoot(f, ctx.home.publishRoot)));
  const gone = present.filter((s) => !found.has(s.clipPath));
  for (const s of gone) {
    await db().$transaction(async (tx) => {
      const { count } = await tx.shot.updateMany({ where: { id: s.id, clipMissingAt: null }, data: { clipMissingAt: new Date() } });
      if (count === 0) return;
      await writeEvents(tx, s.id, [{ kind: 'missing', vuid: null, summary: `Open Clip not found at ${s.clipPath}; versions kept`, data: {} }]);
    });
  }
  return gone.length;
}
