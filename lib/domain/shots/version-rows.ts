// The database's view of a clip's versions: one row per vuid, oldest first, with what the Shots page
// shows (frames, media, the Batch setup) and which site rendered it. The site comes from path
// mapping: a render writes absolute paths under its own site's mount (`/mnt/hs/west/projects/…`),
// so the site whose projects root holds a version's Batch setup or media is where it was made. A
// relative path says nothing about its origin (it resolves against whoever reads it), so it gives
// no site rather than a wrong one.
import { createHash } from 'node:crypto';
import { relativeToRoot, type TSiteRoot } from '@/lib/domain/publish';
import type { TClipVersion, TOpenClip } from '@/lib/domain/openclip';

export interface TVersionRow {
  vuid: string;
  name: string;
  /** 0-based, oldest first (the parser's ordering: versionNumber, numbered uids, date, document). */
  position: number;
  /** The clip's creationDate as wall clock, stored as if UTC: Flame writes local time with no zone. */
  clipCreated: Date | null;
  frameStart: number | null;
  frameEnd: number | null;
  mediaPath: string | null;
  batchSetup: string | null;
  /** Identifies the rendered content (per-track paths, ranges, starts): a change means re-rendered. */
  contentHash: string;
  siteId: string | null;
}

export function versionRows(clip: TOpenClip, roots: readonly TSiteRoot[]): TVersionRow[] {
  const feeds = feedKeys(clip);
  return clip.versions.map((v, position) => ({
    vuid: v.uid,
    name: v.name,
    position,
    clipCreated: wallClock(v),
    frameStart: v.frameRange?.first ?? null,
    frameEnd: v.frameRange?.last ?? null,
    mediaPath: v.mediaPath,
    batchSetup: v.batchSetup,
    contentHash: createHash('sha256')
      .update(JSON.stringify(feeds.get(v.uid) ?? []))
      .digest('hex')
      .slice(0, 32),
    siteId: originSite([v.batchSetup, rawMediaPath(clip, v.uid)], roots),
  }));
}

function wallClock(v: TClipVersion): Date | null {
  const iso = v.creationDate?.iso;
  if (!iso) return null;
  const d = new Date(`${iso}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The raw (as written) path of the version's first media span on its main track, else any track. */
function rawMediaPath(clip: TOpenClip, vuid: string): string | null {
  const tracks = [...clip.tracks].sort((a, b) => Number(b.uid === clip.mainTrackUid) - Number(a.uid === clip.mainTrackUid));
  for (const t of tracks) {
    const feed = t.feeds.find((f) => f.vuid === vuid);
    const span = feed?.spans.find((s) => s.path);
    if (span?.path) return span.path.raw;
  }
  return null;
}

function feedKeys(clip: TOpenClip): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const t of clip.tracks) {
    for (const f of t.feeds) {
      const key = [t.uid, f.spans.map((s) => [s.path?.resolved ?? null, s.frameCount, s.trackIndex]), f.frameRange, f.startTimecode?.nbTicks ?? null, f.startFrame];
      const list = out.get(f.vuid);
      if (list) list.push(key);
      else out.set(f.vuid, [key]);
    }
  }
  return out;
}

/** The site whose projects root holds the first absolute path given (longest root wins), or null. */
export function originSite(paths: ReadonlyArray<string | null>, roots: readonly TSiteRoot[]): string | null {
  for (const p of paths) {
    if (!p || !p.replace(/\\/g, '/').startsWith('/')) continue;
    let best: TSiteRoot | null = null;
    for (const r of roots) {
      if (relativeToRoot(p, r.root) !== null && (!best || r.root.length > best.root.length)) best = r;
    }
    if (best) return best.site;
  }
  return null;
}
