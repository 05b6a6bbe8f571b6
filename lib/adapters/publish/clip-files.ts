/**
 * The publish root on disk (a Hammerspace NFS mount in production, a simulator site folder in dev):
 * listing every clip under it with a bounded number of directory reads in flight, and reading one
 * clip so that a file caught while it is being written is reported as such instead of being parsed.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

export type TWalkResult = { files: string[]; errors: string[]; truncated: boolean };

/**
 * Every file under `root` for which `accept(absPath)` holds, found with at most `concurrency`
 * directory reads at once. Hidden folders (rsync, editors, the simulator's temp files) and symbolic
 * links are not followed. A folder that cannot be read is reported, not fatal: the caller decides
 * whether an incomplete walk may be trusted (e.g. to call clips missing).
 */
export async function walkFiles(root: string, accept: (absPath: string) => boolean, opts: { concurrency?: number; maxFiles?: number } = {}): Promise<TWalkResult> {
  const limit = Math.max(1, opts.concurrency ?? 16);
  const maxFiles = opts.maxFiles ?? 1_000_000;
  const files: string[] = [];
  const errors: string[] = [];
  const queue: string[] = [root];
  let active = 0;
  let truncated = false;
  await new Promise<void>((resolve) => {
    const pump = () => {
      while (active < limit && queue.length > 0 && !truncated) {
        const dir = queue.pop() as string;
        active++;
        void fsp
          .readdir(dir, { withFileTypes: true })
          .then((entries) => {
            for (const e of entries) {
              if (e.name.startsWith('.')) continue;
              const abs = path.join(dir, e.name);
              if (e.isDirectory()) queue.push(abs);
              else if (e.isFile() && accept(abs)) {
                if (files.length >= maxFiles) truncated = true;
                else files.push(abs);
              }
            }
          })
          .catch((err: NodeJS.ErrnoException) => {
            errors.push(`${dir}: ${err.code ?? err.message}`);
          })
          .finally(() => {
            active--;
            if (active === 0 && (queue.length === 0 || truncated)) resolve();
            else pump();
          });
      }
      if (active === 0 && (queue.length === 0 || truncated)) resolve();
    };
    pump();
  });
  files.sort();
  return { files, errors, truncated };
}

export type TFileStat = { size: number; mtimeMs: number };

/** Size and whole-millisecond mtime, or null when the path is gone or not a regular file. */
export async function statFile(absPath: string): Promise<TFileStat | null> {
  try {
    const st = await fsp.stat(absPath);
    return st.isFile() ? { size: st.size, mtimeMs: Math.floor(st.mtimeMs) } : null;
  } catch {
    return null;
  }
}

export type TReadClip =
  | { ok: true; bytes: Buffer; size: number; mtimeMs: number }
  | { ok: false; reason: 'missing' | 'changing' | 'io'; message: string };

/**
 * Reads at most `maxBytes + 1` bytes (the parser reports TOO_LARGE itself from the extra byte).
 * The file is stat-ed before and after the read through the same descriptor; if either moved, a
 * writer was busy and the bytes are not trusted (`changing`): the watcher will see the write end.
 */
export async function readClipFile(absPath: string, maxBytes: number): Promise<TReadClip> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(absPath, fs.constants.O_RDONLY);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { ok: false, reason: 'missing', message: `${absPath} is gone` } : { ok: false, reason: 'io', message: `${absPath}: ${code ?? String(err)}` };
  }
  try {
    const before = await handle.stat();
    if (!before.isFile()) return { ok: false, reason: 'missing', message: `${absPath} is not a file` };
    const want = Math.min(before.size, maxBytes + 1);
    const bytes = Buffer.alloc(want);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await handle.read(bytes, got, want - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    const after = await handle.stat();
    if (got !== want || after.size !== before.size || Math.floor(after.mtimeMs) !== Math.floor(before.mtimeMs)) {
      return { ok: false, reason: 'changing', message: `${absPath} changed while it was read` };
    }
    return { ok: true, bytes, size: before.size, mtimeMs: Math.floor(before.mtimeMs) };
  } catch (err) {
    return { ok: false, reason: 'io', message: `${absPath}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** True when `absPath` is an existing, readable folder (a publish root that is really mounted). */
export async function isReadableDir(absPath: string): Promise<boolean> {
  try {
    await fsp.access(absPath, fs.constants.R_OK | fs.constants.X_OK);
    return (await fsp.stat(absPath)).isDirectory();
  } catch {
    return false;
  }
}
