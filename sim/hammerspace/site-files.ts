/**
 * Each site's shares are folders under <dataDir>/sites/<region>/<share>/. A watcher per site turns
 * writes there into changes; copies the simulator makes go through a hidden temp file and a rename,
 * with the origin's mtime, so the watcher can tell them from a user's write.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

export const TMP_PREFIX = '.hs-sim-tmp-';

export interface LocalFile {
  rel: string;
  size: number;
  mtimeMs: number;
}

export type FolderEvent =
  | { kind: 'write'; region: string; share: string; rel: string; size: number; mtimeMs: number }
  | { kind: 'unlink'; region: string; share: string; rel: string };

export class SiteFolders {
  private readonly watchers = new Map<string, FSWatcher>();

  constructor(
    readonly root: string,
    private readonly onEvent: (e: FolderEvent) => void,
  ) {}

  siteRoot(region: string): string {
    return path.join(this.root, region);
  }

  shareDir(region: string, share: string): string {
    return path.join(this.root, region, share);
  }

  filePath(region: string, share: string, rel: string): string {
    return path.join(this.root, region, share, ...rel.split('/').filter(Boolean));
  }

  ensureShareDir(region: string, share: string): void {
    fs.mkdirSync(this.shareDir(region, share), { recursive: true });
  }

  async watch(region: string): Promise<void> {
    const base = this.siteRoot(region);
    fs.mkdirSync(base, { recursive: true });
    const w = watch(base, {
      ignoreInitial: true,
      alwaysStat: true,
      ignored: (p: string) => path.basename(p).startsWith(TMP_PREFIX),
    });
    const split = (abs: string) => {
      const parts = path.relative(base, abs).split(path.sep).filter(Boolean);
      if (parts.length < 2 || parts[0]?.startsWith('.')) return undefined;
      return { share: parts[0] as string, rel: `/${parts.slice(1).join('/')}` };
    };
    const onWrite = (abs: string, stats?: fs.Stats) => {
      const where = split(abs);
      if (!where) return;
      let st = stats;
      try {
        st ??= fs.statSync(abs);
      } catch {
        return;
      }
      if (!st.isFile()) return;
      this.onEvent({ kind: 'write', region, ...where, size: st.size, mtimeMs: Math.floor(st.mtimeMs) });
    };
    w.on('add', onWrite);
    w.on('change', onWrite);
    w.on('unlink', (abs: string) => {
      const where = split(abs);
      if (where) this.onEvent({ kind: 'unlink', region, ...where });
    });
    w.on('error', (err) => console.error(`[anvil-sim] watcher ${region}: ${String(err)}`));
    await new Promise<void>((resolve) => w.once('ready', () => resolve()));
    this.watchers.set(region, w);
  }

  scan(region: string, share: string): LocalFile[] {
    const dir = this.shareDir(region, share);
    const out: LocalFile[] = [];
    const walk = (abs: string, rel: string) => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(abs, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (e.name.startsWith(TMP_PREFIX)) continue;
        const childAbs = path.join(abs, e.name);
        const childRel = `${rel}/${e.name}`;
        if (e.isDirectory()) walk(childAbs, childRel);
        else if (e.isFile()) {
          const st = fs.statSync(childAbs);
          out.push({ rel: childRel, size: st.size, mtimeMs: Math.floor(st.mtimeMs) });
        }
      }
    };
    walk(dir, '');
    return out;
  }

  stat(abs: string): LocalFile | undefined {
    try {
      const st = fs.statSync(abs);
      return st.isFile() ? { rel: abs, size: st.size, mtimeMs: Math.floor(st.mtimeMs) } : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Copies src to dst keeping its mtime. `commit` runs just before the rename and may refuse (a
   * newer version arrived meanwhile); the watcher only ever sees the finished file.
   */
  async copyIn(src: string, dst: string, mtimeMs: number, commit: () => boolean): Promise<boolean> {
    await fsp.mkdir(path.dirname(dst), { recursive: true });
    const tmp = path.join(path.dirname(dst), `${TMP_PREFIX}${randomBytes(6).toString('hex')}`);
    try {
      await fsp.copyFile(src, tmp);
      const t = new Date(mtimeMs);
      await fsp.utimes(tmp, t, t);
      if (!commit()) return false;
      await fsp.rename(tmp, dst);
      return true;
    } finally {
      await fsp.rm(tmp, { force: true });
    }
  }

  async remove(abs: string): Promise<void> {
    await fsp.rm(abs, { force: true });
  }

  async close(): Promise<void> {
    await Promise.all([...this.watchers.values()].map((w) => w.close()));
    this.watchers.clear();
  }
}

export const sameFile = (a: { size: number; mtimeMs: number }, b: { size: number; mtimeMs: number }) =>
  a.size === b.size && Math.abs(a.mtimeMs - b.mtimeMs) < 2;
