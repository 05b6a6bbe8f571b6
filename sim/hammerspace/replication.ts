/**
 * Moves metadata and data between sites. Metadata of every change goes to every other member over
 * the bus; data follows only where an objective asks for a local instance, where a stale instance
 * already sits (it is refreshed, one version of the truth), or when a client reads the file.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { Anvil } from './anvil';
import type { Change, Link } from './bus';
import { attrKey, type AttrVersion, type FileVersion, type LogicalShare } from './federation';
import { wantsLocalData } from './placement';
import { sameFile, type FolderEvent } from './site-files';
import type { World } from './world';

export class Replication {
  private readonly inflight = new Map<string, Promise<boolean>>();
  readonly counters = { dataCopies: 0, onDemandReads: 0 };

  constructor(private readonly world: World) {}

  private site(region: string): Anvil {
    return this.world.anvil(region);
  }

  private broadcast(L: LogicalShare, from: string, change: Omit<Change, 'share' | 'enqueuedAt'>): void {
    for (const m of L.members.keys()) {
      if (m !== from) this.world.bus.enqueue(from, m, { share: L, enqueuedAt: Date.now(), ...change });
    }
  }

  onFolderEvent(e: FolderEvent): void {
    const anvil = this.world.anvils.get(e.region);
    const share = anvil?.shares.find((s) => s.name === e.share && s.state === 'PUBLISHED');
    const L = share && this.world.federation.get(share.logicalUuid);
    if (!anvil || !L) return;
    if (e.kind === 'write') this.localWrite(anvil, L, e.rel, e.size, e.mtimeMs);
    else this.localDelete(anvil, L, e.rel);
  }

  localWrite(anvil: Anvil, L: LogicalShare, rel: string, size: number, mtimeMs: number): void {
    const cur = L.view(anvil.region).get(rel);
    if (cur && !cur.deleted && L.hasData(anvil.region, rel) && sameFile(cur, { size, mtimeMs })) return;
    const v: FileVersion = { path: rel, seq: this.world.federation.nextSeq(), origin: anvil.region, size, mtimeMs, deleted: false, stampMs: anvil.now() };
    L.view(anvil.region).set(rel, v);
    L.latest.set(rel, v);
    L.dataAt.set(rel, new Set([anvil.region]));
    this.world.log.add('local-write', { site: anvil.region, share: L.name, path: rel, size });
    this.broadcast(L, anvil.region, { file: v, stampMs: v.stampMs });
  }

  localDelete(anvil: Anvil, L: LogicalShare, rel: string): void {
    const cur = L.view(anvil.region).get(rel);
    // Only a delete of the current instance is a user's delete; ours (stale copies) are not.
    if (!cur || cur.deleted || !L.hasData(anvil.region, rel)) return;
    const v: FileVersion = { ...cur, seq: this.world.federation.nextSeq(), origin: anvil.region, size: 0, deleted: true, stampMs: anvil.now() };
    L.view(anvil.region).set(rel, v);
    L.latest.set(rel, v);
    L.dataAt.delete(rel);
    this.world.log.add('local-delete', { site: anvil.region, share: L.name, path: rel });
    this.broadcast(L, anvil.region, { file: v, stampMs: v.stampMs });
  }

  setAttr(anvil: Anvil, L: LogicalShare, path: string, name: string, type: string, value: unknown, deleted = false): AttrVersion {
    const a: AttrVersion = { path, name, type, value, deleted, seq: this.world.federation.nextSeq(), origin: anvil.region, stampMs: anvil.now() };
    L.attrs(anvil.region).set(attrKey(path, name), a);
    this.broadcast(L, anvil.region, { attr: a, stampMs: a.stampMs });
    return a;
  }

  deliver(link: Link, c: Change): void {
    const L = c.share;
    const to = link.to;
    if (!L.members.has(to)) return;
    const anvil = this.site(to);
    if (c.attr) {
      const key = attrKey(c.attr.path, c.attr.name);
      const cur = L.attrs(to).get(key);
      if (!cur || cur.seq < c.attr.seq) L.attrs(to).set(key, c.attr);
      return;
    }
    const v = c.file;
    if (!v) return;
    const view = L.view(to);
    const cur = view.get(v.path);
    if (cur && cur.seq >= v.seq) return;
    view.set(v.path, v);
    this.world.log.add('replicated', { from: link.from, to, share: L.name, path: v.path, deleted: v.deleted });
    const abs = this.world.folders.filePath(to, L.name, v.path);
    if (v.deleted) {
      void this.world.folders.remove(abs);
      return;
    }
    const share = anvil.shareByLogical(L.uuid);
    if (fs.existsSync(abs) || (share && wantsLocalData(anvil, share, v))) void this.ensureLocal(L, to, v.path);
  }

  /** Makes sure `region` holds the current bytes of a file; true when they are there. */
  ensureLocal(L: LogicalShare, region: string, rel: string): Promise<boolean> {
    const v = L.view(region).get(rel);
    if (!v || v.deleted) return Promise.resolve(false);
    if (L.hasData(region, rel)) return Promise.resolve(true);
    const key = `${L.uuid}|${region}|${rel}|${v.seq}`;
    let p = this.inflight.get(key);
    if (!p) {
      p = this.copy(L, region, v).finally(() => this.inflight.delete(key));
      this.inflight.set(key, p);
    }
    return p;
  }

  private async copy(L: LogicalShare, region: string, v: FileVersion): Promise<boolean> {
    const latest = L.latest.get(v.path);
    if (!latest || latest.seq !== v.seq) return false;
    const folders = this.world.folders;
    for (const src of L.dataAt.get(v.path) ?? []) {
      const srcAbs = folders.filePath(src, L.name, v.path);
      const st = folders.stat(srcAbs);
      if (!st || !sameFile(st, v)) continue;
      const ok = await folders
        .copyIn(srcAbs, folders.filePath(region, L.name, v.path), v.mtimeMs, () => {
          if (L.latest.get(v.path)?.seq !== v.seq || L.view(region).get(v.path)?.seq !== v.seq) return false;
          L.dataAt.get(v.path)?.add(region);
          return true;
        })
        .catch(() => false);
      if (ok) {
        this.counters.dataCopies++;
        this.world.log.add('data-copied', { from: src, to: region, share: L.name, path: v.path, size: v.size });
        return true;
      }
    }
    return false;
  }

  /** A client read at `region`: data is fetched on demand, as Hammerspace does. */
  async read(L: LogicalShare, region: string, rel: string): Promise<Buffer | undefined> {
    const v = L.view(region).get(rel);
    if (!v || v.deleted) return undefined;
    if (!L.hasData(region, rel)) {
      this.counters.onDemandReads++;
      if (!(await this.ensureLocal(L, region, rel))) return undefined;
    }
    return fsp.readFile(this.world.folders.filePath(region, L.name, rel));
  }

  /** After an objective changes at a site, pull whatever it now asks for. */
  placeAll(anvil: Anvil, L: LogicalShare): void {
    const share = anvil.shareByLogical(L.uuid);
    if (!share) return;
    for (const v of L.liveFiles(anvil.region)) {
      if (!L.hasData(anvil.region, v.path) && wantsLocalData(anvil, share, v)) void this.ensureLocal(L, anvil.region, v.path);
    }
  }

  /** A new member gets the whole tree (metadata and attributes), sent from `via` over its link. */
  initialSync(L: LogicalShare, region: string, via: string): void {
    for (const v of L.latest.values()) {
      if (v.deleted) continue;
      const from = L.members.has(v.origin) && v.origin !== region ? v.origin : via;
      this.world.bus.enqueue(from, region, { share: L, file: v, enqueuedAt: Date.now(), stampMs: this.site(from).now() });
    }
    for (const a of L.attrs(via).values()) {
      this.world.bus.enqueue(via, region, { share: L, attr: a, enqueuedAt: Date.now(), stampMs: this.site(via).now() });
    }
  }

  /**
   * Files already in a site's folder when its share appears there (a re-joined site's leftovers):
   * a current copy counts as an instance, an older one waits to be refreshed, anything else is new.
   */
  adoptFolder(anvil: Anvil, L: LogicalShare): void {
    for (const f of this.world.folders.scan(anvil.region, L.name)) {
      const latest = L.latest.get(f.rel);
      if (latest && !latest.deleted && sameFile(latest, f)) {
        L.view(anvil.region).set(f.rel, latest);
        L.dataAt.get(f.rel)?.add(anvil.region);
      } else if (!latest || latest.deleted || f.mtimeMs > latest.mtimeMs) {
        this.localWrite(anvil, L, f.rel, f.size, f.mtimeMs);
      }
    }
  }

  async idle(): Promise<void> {
    await Promise.allSettled([...this.inflight.values()]);
  }
}
