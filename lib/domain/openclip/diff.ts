// Change events between two snapshots of one clip (openclip.md §2.4). Versions that disappear are
// never reported as deletions: the Write File node rewrites the whole clip and drops what it did
// not write, so a shrinking set is `clip-rewritten`, for a human or a policy to decide on.
import type { TClipVersion, TOpenClip, TParseError, TParseResult } from './types';

export type TRerenderChange = 'media-path' | 'frame-range' | 'start' | 'tracks' | 'creation-date' | 'media-stamp';
export type TMetadataField = 'name' | 'comment' | 'batch-setup' | 'version-number';

export type TClipEvent =
  | { type: 'clip-discovered'; versions: string[]; current: string | null }
  | { type: 'clip-rewritten'; reason: 'versions-removed' | 'file-shrunk'; removed: string[]; beforeBytes: number; afterBytes: number }
  | { type: 'schema-changed'; from: number | null; to: number | null }
  | { type: 'version-added'; uid: string; name: string }
  | { type: 're-rendered'; uid: string; changes: TRerenderChange[] }
  | { type: 'version-metadata-changed'; uid: string; fields: TMetadataField[] }
  | { type: 'current-changed'; from: string | null; to: string | null };

export interface TDiffOptions {
  /**
   * Opaque per-version stamps of the media on disk (e.g. newest mtime + total size of the
   * frames), computed by the caller; a different stamp for the same vuid means re-rendered.
   */
  beforeMedia?: Readonly<Record<string, string>>;
  afterMedia?: Readonly<Record<string, string>>;
}

// Writers truncate and rewrite in place; a file under half its former size lost content even
// when every version uid survived (e.g. the feeds of other layers).
const SHRINK_RATIO = 0.5;

/** Events that take `before` to `after`, in a stable order: rewrite, schema, added, re-rendered, metadata, current. */
export function diffClips(before: TOpenClip | null, after: TOpenClip, opts: TDiffOptions = {}): TClipEvent[] {
  if (!before) return [{ type: 'clip-discovered', versions: after.versions.map((v) => v.uid), current: after.currentVersion }];
  const events: TClipEvent[] = [];
  const prev = new Map(before.versions.map((v) => [v.uid, v]));
  const next = new Set(after.versions.map((v) => v.uid));
  const removed = before.versions.filter((v) => !next.has(v.uid)).map((v) => v.uid);
  const bytes = { beforeBytes: before.byteLength, afterBytes: after.byteLength };
  if (removed.length > 0) events.push({ type: 'clip-rewritten', reason: 'versions-removed', removed, ...bytes });
  else if (after.byteLength < before.byteLength * SHRINK_RATIO) events.push({ type: 'clip-rewritten', reason: 'file-shrunk', removed: [], ...bytes });
  if (before.schemaVersion !== after.schemaVersion) events.push({ type: 'schema-changed', from: before.schemaVersion, to: after.schemaVersion });

  const rerendered: TClipEvent[] = [];
  const metadata: TClipEvent[] = [];
  const beforeFeeds = feedIndex(before);
  const afterFeeds = feedIndex(after);
  for (const v of after.versions) {
    const old = prev.get(v.uid);
    if (!old) {
      events.push({ type: 'version-added', uid: v.uid, name: v.name });
      continue;
    }
    const changes = mediaChanges(beforeFeeds.get(v.uid) ?? [], old, afterFeeds.get(v.uid) ?? [], v);
    const stampBefore = opts.beforeMedia?.[v.uid];
    const stampAfter = opts.afterMedia?.[v.uid];
    if (stampBefore !== undefined && stampAfter !== undefined && stampBefore !== stampAfter) changes.push('media-stamp');
    if (changes.length > 0) rerendered.push({ type: 're-rendered', uid: v.uid, changes });
    const fields = metadataChanges(old, v);
    if (fields.length > 0) metadata.push({ type: 'version-metadata-changed', uid: v.uid, fields });
  }
  events.push(...rerendered, ...metadata);
  if (before.currentVersion !== after.currentVersion) events.push({ type: 'current-changed', from: before.currentVersion, to: after.currentVersion });
  return events;
}

type TFeedKeys = { paths: unknown[]; ranges: unknown[]; start: unknown[] };

function mediaChanges(fa: TFeedKeys[], a: TClipVersion, fb: TFeedKeys[], b: TClipVersion): TRerenderChange[] {
  const changes: TRerenderChange[] = [];
  if (key(fa.map((f) => f.paths)) !== key(fb.map((f) => f.paths))) changes.push('media-path');
  if (key(fa.map((f) => f.ranges)) !== key(fb.map((f) => f.ranges))) changes.push('frame-range');
  if (key(fa.map((f) => f.start)) !== key(fb.map((f) => f.start))) changes.push('start');
  if (key(a.trackUids) !== key(b.trackUids)) changes.push('tracks');
  if ((a.creationDate?.raw ?? null) !== (b.creationDate?.raw ?? null)) changes.push('creation-date');
  return changes;
}

/** What identifies the rendered content of each version, per track that holds it, by vuid. */
function feedIndex(clip: TOpenClip): Map<string, TFeedKeys[]> {
  const out = new Map<string, TFeedKeys[]>();
  for (const t of clip.tracks) {
    for (const f of t.feeds) {
      const keys: TFeedKeys = {
        paths: [t.uid, ...f.spans.map((s) => [s.path?.resolved ?? null, s.trackIndex, s.stereoPaths.map((p) => p.resolved)])],
        ranges: [t.uid, f.frameRange, f.frameCount, ...f.spans.map((s) => s.frameCount)],
        start: [t.uid, f.startTimecode?.nbTicks ?? null, f.startFrame],
      };
      const list = out.get(f.vuid);
      if (list) list.push(keys);
      else out.set(f.vuid, [keys]);
    }
  }
  return out;
}

function key(value: unknown): string {
  return JSON.stringify(value);
}

function metadataChanges(a: TClipVersion, b: TClipVersion): TMetadataField[] {
  const fields: TMetadataField[] = [];
  if (a.name !== b.name) fields.push('name');
  if (a.comment !== b.comment) fields.push('comment');
  if (a.batchSetup !== b.batchSetup) fields.push('batch-setup');
  if (a.versionNumber !== b.versionNumber) fields.push('version-number');
  return fields;
}

/**
 * Fold a parse result into the watcher's state. A failed parse (a file caught mid-write, say)
 * keeps the last good snapshot and emits nothing: it must never read as "versions removed".
 */
export function reconcileParse(
  previous: TOpenClip | null,
  result: TParseResult,
  opts: TDiffOptions = {},
): { snapshot: TOpenClip | null; events: TClipEvent[]; error: TParseError | null } {
  if (!result.ok) return { snapshot: previous, events: [], error: result.error };
  return { snapshot: result.clip, events: diffClips(previous, result.clip, opts), error: null };
}
