// Tracks, feeds and spans. Feeds are keyed by (track uid, vuid), never by feed uid: Autodesk's
// own examples reuse `uid="f0"` across tracks. Anything malformed in one feed is skipped with a
// warning so one bad entry never hides the rest of the clip.
import { parseMediaPath, sequencePadding } from './media-path';
import { parseRate, parseTime, timeToFrames } from './timing';
import { readUserData } from './values';
import { attr, childEl, childEls, childText, parseIntStrict, type TXmlElement } from './xml-node';
import type { TClipWarning, TFeed, TFrameRange, TMediaPath, TRate, TSpan, TTrack } from './types';

export interface TModelContext {
  clipDir: string;
  editRate: TRate | null;
  warn: (w: TClipWarning) => void;
}

export function readTracks(clip: TXmlElement, ctx: TModelContext): TTrack[] {
  const seen = new Set<string>();
  const out: TTrack[] = [];
  childEls(childEl(clip, 'tracks'), 'track').forEach((el, index) => {
    let uid = attr(el, 'uid');
    if (uid === null) {
      uid = `#${index}`;
      ctx.warn({ code: 'MISSING_ATTRIBUTE', message: `track ${index} has no uid; called ${uid}`, trackUid: uid });
    }
    if (seen.has(uid)) {
      const renamed = `${uid}#${index}`;
      ctx.warn({ code: 'DUPLICATE_TRACK_UID', message: `track uid ${uid} repeats; the copy is called ${renamed}`, trackUid: renamed });
      uid = renamed;
    }
    seen.add(uid);
    out.push(readTrack(el, uid, ctx));
  });
  return out;
}

function readTrack(el: TXmlElement, uid: string, ctx: TModelContext): TTrack {
  const feedsEl = childEl(el, 'feeds');
  const trackRate = parseRate(childEl(el, 'editRate')) ?? ctx.editRate;
  const feeds: TFeed[] = [];
  const vuids = new Set<string>();
  for (const f of childEls(feedsEl, 'feed')) {
    const vuid = attr(f, 'vuid');
    if (vuid === null) {
      ctx.warn({ code: 'MISSING_ATTRIBUTE', message: `a feed of track ${uid} has no vuid and is ignored`, trackUid: uid });
      continue;
    }
    if (vuids.has(vuid)) {
      ctx.warn({ code: 'DUPLICATE_FEED_VUID', message: `track ${uid} has two feeds for ${vuid}; the first is used`, trackUid: uid, versionUid: vuid });
      continue;
    }
    vuids.add(vuid);
    feeds.push(readFeed(f, vuid, trackRate, uid, ctx));
  }
  return {
    uid,
    trackType: childText(el, 'trackType') ?? 'unknown',
    extendedType: childText(el, 'extendedType'),
    name: childText(el, 'name'),
    declaredCurrentVersion: attr(feedsEl, 'currentVersion') ?? attr(el, 'currentVersion'),
    currentVersion: null, // settled once the clip-level current is known (model-versions)
    feeds,
  };
}

function readFeed(el: TXmlElement, vuid: string, trackRate: TRate | null, trackUid: string, ctx: TModelContext): TFeed {
  const sampleRate = parseRate(childEl(el, 'sampleRate'));
  const frameRate = sampleRate ?? trackRate;
  const startFrame = parseIntStrict(childText(el, 'startFrame'));
  const spans = childEls(childEl(el, 'spans'), 'span').map((s) => readSpan(s, frameRate, trackUid, vuid, ctx));
  fillSequenceRange(spans, startFrame);
  const counts = spans.map((s) => s.frameCount);
  const frameCount = spans.length > 0 && counts.every((c) => c !== null) ? counts.reduce<number>((a, c) => a + (c ?? 0), 0) : null;
  return {
    vuid,
    uid: attr(el, 'uid'),
    sampleRate,
    startTimecode: parseTime(childEl(el, 'startTimecode'), frameRate),
    startFrame,
    spans,
    frameRange: mergeRanges(spans.map((s) => s.path?.frameRange ?? null)),
    frameCount,
    userData: readUserData(childEl(el, 'userData')),
  };
}

function readSpan(el: TXmlElement, frameRate: TRate | null, trackUid: string, vuid: string, ctx: TModelContext): TSpan {
  const readPath = (p: TXmlElement): TMediaPath | null => {
    if (p.text.trim() === '') return null;
    const { path, warnings } = parseMediaPath(p.text, attr(p, 'encoding'), ctx.clipDir);
    for (const w of warnings) ctx.warn({ ...w, trackUid, versionUid: vuid });
    return path;
  };
  const pathEl = childEl(el, 'path');
  const stereoPaths = childEls(childEl(el, 'paths'), 'path')
    .map(readPath)
    .filter((p): p is TMediaPath => p !== null);
  const path = (pathEl ? readPath(pathEl) : null) ?? stereoPaths[0] ?? null;
  const duration = parseTime(childEl(el, 'duration'), frameRate);
  const fromDuration = duration ? timeToFrames(duration, frameRate) : null;
  return {
    kind: path ? 'media' : duration ? 'gap' : 'empty',
    path,
    stereoPaths,
    duration,
    trackIndex: parseIntStrict(childText(el, 'trackIndex')),
    frameCount: fromDuration ?? path?.frameRange?.count ?? null,
  };
}

// `%04d` and `####` carry no numbers; writers that use them put the first frame in the feed's
// startFrame and the length in the span's duration, so the range is rebuilt from those.
function fillSequenceRange(spans: TSpan[], startFrame: number | null): void {
  let next = startFrame;
  for (const span of spans) {
    const p = span.path;
    if (next !== null && p && !p.frameRange && (p.syntax === 'printf' || p.syntax === 'hashes') && span.frameCount) {
      p.frameRange = { first: next, last: next + span.frameCount - 1, padding: sequencePadding(p.raw) ?? 1, count: span.frameCount };
    }
    next = next !== null && span.frameCount !== null ? next + span.frameCount : null;
  }
}

export function mergeRanges(ranges: ReadonlyArray<TFrameRange | null>): TFrameRange | null {
  let out: TFrameRange | null = null;
  for (const r of ranges) {
    if (!r) continue;
    if (!out) out = { ...r };
    else {
      out.first = Math.min(out.first, r.first);
      out.last = Math.max(out.last, r.last);
      out.count = out.last - out.first + 1;
    }
  }
  return out;
}
