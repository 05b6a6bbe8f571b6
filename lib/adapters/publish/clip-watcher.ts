/**
 * Watches a publish root for clip files and reports each one once it has settled. Writers save
 * clips in place (`open(path, "w")`), replication lands files in pieces, and NFS may not deliver a
 * close-write event at all, so an event only starts a debounce; then the file must keep the same
 * size and mtime over `stableMs` before it is handed on. A file still changing after `maxSettleMs`
 * is left to the periodic rescan rather than read half-written. Events for one path never overlap:
 * a change that arrives while its path is being handled runs the path again afterwards.
 */
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { statFile, type TFileStat } from './clip-files';

export interface TClipWatcherOptions {
  root: string;
  /** Which files are clips worth reading (the watcher skips everything else). */
  isCandidate: (absPath: string) => boolean;
  onStable: (absPath: string, stat: TFileStat) => Promise<void>;
  onRemoved?: (absPath: string) => Promise<void>;
  onError?: (err: unknown) => void;
  /** Quiet time after the last event before the stable check starts. */
  debounceMs?: number;
  /** Size and mtime must stay the same for this long. */
  stableMs?: number;
  maxSettleMs?: number;
  /** NFS mounts deliver no inotify events for other clients' writes: poll them instead. */
  usePolling?: boolean;
  pollIntervalMs?: number;
}

export interface TClipWatcher {
  /** Resolves once the initial directory tree is being watched. */
  ready: Promise<void>;
  /** Resolves when no path is waiting, settling or being handled (tests and drains use it). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

type TEntry = { timer: NodeJS.Timeout | null; running: boolean; again: boolean };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function watchClips(opts: TClipWatcherOptions): TClipWatcher {
  const debounceMs = opts.debounceMs ?? 100;
  const stableMs = opts.stableMs ?? 300;
  const maxSettleMs = opts.maxSettleMs ?? 60_000;
  const entries = new Map<string, TEntry>();
  const idleWaiters: Array<() => void> = [];
  let closed = false;

  const report = (err: unknown) => (opts.onError ? opts.onError(err) : undefined);
  const checkIdle = () => {
    if (entries.size === 0) idleWaiters.splice(0).forEach((fn) => fn());
  };

  const settle = async (abs: string, entry: TEntry) => {
    entry.running = true;
    entry.again = false;
    try {
      const started = Date.now();
      let last = await statFile(abs);
      while (!closed) {
        if (!last) {
          if (opts.onRemoved) await opts.onRemoved(abs);
          break;
        }
        await sleep(stableMs);
        const now = await statFile(abs);
        if (now && now.size === last.size && now.mtimeMs === last.mtimeMs) {
          // Events up to here were writes the stable check has already waited out; only a write
          // during the handling below needs another pass.
          entry.again = false;
          await opts.onStable(abs, now);
          break;
        }
        if (Date.now() - started > maxSettleMs) {
          report(new Error(`${abs} kept changing for ${maxSettleMs} ms; left to the next rescan`));
          break;
        }
        last = now;
      }
    } catch (err) {
      report(err);
    } finally {
      entry.running = false;
      if (entry.again && !closed) schedule(abs);
      else {
        entries.delete(abs);
        checkIdle();
      }
    }
  };

  const schedule = (abs: string) => {
    if (closed) return;
    let entry = entries.get(abs);
    if (!entry) {
      entry = { timer: null, running: false, again: false };
      entries.set(abs, entry);
    }
    if (entry.running) {
      entry.again = true;
      return;
    }
    if (entry.timer) clearTimeout(entry.timer);
    const e = entry;
    e.timer = setTimeout(() => {
      e.timer = null;
      void settle(abs, e);
    }, debounceMs);
  };

  const onEvent = (abs: string) => {
    if (opts.isCandidate(abs)) schedule(abs);
  };

  const watcher: FSWatcher = watch(opts.root, {
    ignoreInitial: true,
    persistent: true,
    followSymlinks: false,
    usePolling: opts.usePolling ?? false,
    interval: opts.pollIntervalMs ?? 1000,
    // Hidden names are temp files (the simulator's copies, rsync, editors): never worth a look.
    ignored: (p: string) => p !== opts.root && path.basename(p).startsWith('.'),
  });
  watcher.on('add', onEvent);
  watcher.on('change', onEvent);
  watcher.on('unlink', onEvent);
  watcher.on('error', report);
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    ready,
    idle: () => (entries.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    async close() {
      closed = true;
      for (const e of entries.values()) if (e.timer) clearTimeout(e.timer);
      for (const [abs, e] of entries) if (!e.running) entries.delete(abs);
      await watcher.close();
      checkIdle();
    },
  };
}
