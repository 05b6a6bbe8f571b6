/**
 * The Shot Publish scanner, a long-running part of the workers process. One process of the fleet
 * holds a database lock and watches the home site's publish root (every worker could, but one read
 * of each change is enough); the others wait and take over if it dies. The holder starts the watcher
 * first and then runs a full scan, so nothing written during the scan is missed. Settled files are
 * indexed a few at a time. The studio settings (home site, roots, layouts) are re-read every minute;
 * a moved publish root restarts the watch. The periodic rescan job is separate (scan-publish-root).
 */
import { watchClips, type TClipWatcher } from '@/lib/adapters/publish/clip-watcher';
import { tryHoldLock, type THeldLock } from '@/lib/db/session-lock';
import { isOpenClipCandidate } from '@/lib/domain/openclip';
import { logger } from '@/lib/logger';
import { indexClipFile, type TIndexOutcome } from './index-clip';
import { scanPublishRoot } from './scan-publish-root';
import { loadScanContext, type TScanContext } from './scan-context';

export interface TScannerOptions {
  /** How often a process without the lock (or without a publish root to watch) tries again. */
  retryMs?: number;
  contextTtlMs?: number;
  concurrency?: number;
  debounceMs?: number;
  stableMs?: number;
  usePolling?: boolean;
  pollIntervalMs?: number;
  onIndexed?: (path: string, outcome: TIndexOutcome) => void;
}

export interface TPublishScanner {
  /** Resolves when this process watches the root and its first full scan is done. */
  started(): Promise<void>;
  /** Resolves when no settled file is waiting or being indexed. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export const SCANNER_LOCK = 'shots:publish-scanner';

export function startPublishScanner(opts: TScannerOptions = {}): TPublishScanner {
  const retryMs = opts.retryMs ?? 15_000;
  const ttl = opts.contextTtlMs ?? 60_000;
  const limit = Math.max(1, opts.concurrency ?? 4);
  let stopped = false;
  let lock: THeldLock | null = null;
  let watcher: TClipWatcher | null = null;
  let ctx: TScanContext | null = null;
  let active = 0;
  const queue: Array<() => void> = [];
  let markStarted: () => void = () => undefined;
  const startedP = new Promise<void>((resolve) => (markStarted = resolve));
  let wake: () => void = () => undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopped) return resolve();
      const t = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });

  // Bounded: a burst of a thousand renders must not open a thousand transactions at once.
  const index = async (abs: string) => {
    if (active >= limit) await new Promise<void>((resolve) => queue.push(resolve));
    active++;
    try {
      if (!ctx || Date.now() - ctx.loadedAt > ttl) await refreshContext();
      if (!ctx) return;
      const outcome = await indexClipFile(ctx, abs);
      opts.onIndexed?.(abs, outcome);
      if (outcome.status === 'indexed' || outcome.status === 'failed') logger.info({ path: abs, ...outcome }, 'shot clip indexed');
    } catch (err) {
      logger.error({ err, path: abs }, 'shot clip could not be indexed; the next rescan retries');
    } finally {
      active--;
      queue.shift()?.();
    }
  };

  const refreshContext = async () => {
    const loaded = await loadScanContext();
    const previousRoot = ctx?.home.publishRoot ?? null;
    ctx = loaded.ok ? loaded.ctx : null;
    if (!loaded.ok) logger.warn({ reason: loaded.reason }, 'publish scanner has nothing to watch');
    if (watcher && ctx?.home.publishRoot !== previousRoot) {
      logger.info({ from: previousRoot, to: ctx?.home.publishRoot ?? null }, 'publish root changed; watching again');
      await closeWatcher();
      wake();
    }
  };

  const closeWatcher = async () => {
    const w = watcher;
    watcher = null;
    if (w) await w.close();
  };

  const watchAndScan = async (c: TScanContext) => {
    const w = watchClips({
      root: c.home.publishRoot,
      isCandidate: isOpenClipCandidate,
      onStable: (abs) => index(abs),
      // A vanished clip is the full scan's to judge (a writer may be replacing it).
      onError: (err) => logger.warn({ err }, 'publish watcher'),
      debounceMs: opts.debounceMs,
      stableMs: opts.stableMs,
      usePolling: opts.usePolling,
      pollIntervalMs: opts.pollIntervalMs,
    });
    watcher = w;
    await w.ready;
    const report = await scanPublishRoot({ ctx: c, concurrency: opts.concurrency ?? 8 });
    logger.info({ root: report.root, clips: report.clips, ms: report.ms, ...report.counts }, 'publish watcher started');
  };

  const run = async () => {
    while (!stopped) {
      try {
        lock ??= await tryHoldLock(SCANNER_LOCK);
        if (!lock) {
          await sleep(retryMs);
          continue;
        }
        await refreshContext();
        if (!ctx || !watcher) {
          if (ctx) await watchAndScan(ctx);
          if (!ctx) {
            await sleep(retryMs);
            continue;
          }
          markStarted();
        }
        const held = lock;
        const lost = await Promise.race([held.lost.then(() => true), sleep(ttl).then(() => false)]);
        if (lost) {
          logger.warn('publish scanner lost its database lock; watching stops until it is taken again');
          await closeWatcher();
          lock = null;
        }
      } catch (err) {
        logger.error({ err }, 'publish scanner failed; retrying');
        await closeWatcher();
        await lock?.release();
        lock = null;
        await sleep(retryMs);
      }
    }
  };
  const loop = run();

  return {
    started: () => startedP,
    async idle() {
      await watcher?.idle();
      while (active > 0 || queue.length > 0) await new Promise((r) => setTimeout(r, 20));
    },
    async stop() {
      stopped = true;
      wake();
      await closeWatcher();
      await loop;
      while (active > 0) await new Promise((r) => setTimeout(r, 20));
      await lock?.release();
      lock = null;
    },
  };
}
