import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { SimContext } from './context';
import { parseSnapshot, restoreSnapshot, takeSnapshot } from './snapshot';

/**
 * Keeps the EC2 world in a JSON file, so the local studio's instances outlive a restart as real ones do.
 * Saves are debounced (a burst of launches is one write) and atomic (temp file, then rename), so a kill
 * mid-write leaves the previous file. A file that cannot be used is moved aside, never fatal.
 */
export class StateFile {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly ctx: SimContext,
    private readonly debounceMs = 1000,
  ) {}

  /** Restores the file into the (fresh) context; a missing file is a first start. */
  load(): void {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      return this.setAside(`unreadable: ${(e as Error).message}`);
    }
    try {
      restoreSnapshot(this.ctx, parseSnapshot(JSON.parse(text)));
    } catch (e) {
      // A half-restored world is worse than an empty one.
      this.ctx.reset();
      this.setAside((e as Error).message);
    }
  }

  /** Called after every change; the first one in a quiet period starts the clock for the next write. */
  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, this.debounceMs);
    this.timer.unref();
  }

  /** Writes now (on close), after any write already under way. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.save();
  }

  private save(): Promise<void> {
    // Serialised now, written in turn: a slow write never sees a later world than the one it was asked for.
    const json = JSON.stringify(takeSnapshot(this.ctx));
    const tmp = `${this.file}.${process.pid}.tmp`;
    this.writing = this.writing
      .then(async () => {
        await fsp.mkdir(path.dirname(this.file), { recursive: true });
        await fsp.writeFile(tmp, json);
        await fsp.rename(tmp, this.file);
      })
      .catch((e: unknown) => console.error(`aws simulator: could not save state to ${this.file}: ${(e as Error).message}`));
    return this.writing;
  }

  private setAside(reason: string): void {
    const aside = `${this.file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    let where = `moved to ${aside}`;
    try {
      fs.renameSync(this.file, aside);
    } catch (e) {
      where = `could not move it aside (${(e as Error).message})`;
    }
    console.error(`aws simulator: ignoring state file ${this.file} (${reason}); ${where}; starting empty`);
  }
}
