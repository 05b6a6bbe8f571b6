// Tracks, feeds and spans. Feeds are keyed by (track uid, vuid), never by feed uid: Autodesk's
// own examples reuse `uid="f0"` across tracks. Anything malformed in one feed is skipped with a
// warning so one bad entry never hides the rest of the clip.
import { parseMediaPath, sequencePadding } from './media-path';
import { parseRate, parseTime, sameRate, timeToFrames } from './timing';
import { readUserData } from './values';
import { attr, childEl, childEls, childText, parseIntStrict, type TXmlElement } from './xml-node';
import type { TClipVersion, TClipWarning, TFeed, TFrameRange, TMediaPath, TRate, TSpan, TTrack } from './types';

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

// Checks across versions that are legal but worth a warning. Versions line up on the timeline by
// timecode, so a new version whose start moved without its frames moving with it shows "No
// Media" in Flame (seen with Write File stamping 00:00:00:00 over a plate at 1001).

export function crossCheck(tracks: readonly TTrack[], main: TTrack | null, versions: readonly TClipVersion[], warn: (w: TClipWarning) => void): void {
  for (const t of tracks) {
    if (t.trackType !== 'video') continue;
    const rates = new Set(t.feeds.flatMap((f) => (f.sampleRate ? [f.sampleRate.fps.toFixed(3)] : [])));
    if (rates.size > 1) {
      warn({ code: 'MIXED_FRAME_RATES', message: `track ${t.uid} mixes frame rates across versions: ${[...rates].join(', ')}`, trackUid: t.uid });
    }
  }
  if (!main) return;
  const feedByVuid = new Map(main.feeds.map((f) => [f.vuid, f]));
  let prev: TFeed | null = null;
  for (const v of versions) {
    const feed = feedByVuid.get(v.uid);
    if (!feed) continue;
    if (prev) {
      const reason = startShift(prev, feed);
      if (reason) warn({ code: 'START_CHANGED', message: `${v.uid} ${reason} compared with ${prev.vuid}`, trackUid: main.uid, versionUid: v.uid });
    }
    prev = feed;
  }
}

function startShift(a: TFeed, b: TFeed): string | null {
  if (a.startFrame !== null && b.startFrame !== null && a.startFrame !== b.startFrame) {
    return `starts at frame ${b.startFrame} instead of ${a.startFrame}`;
  }
  const ta = a.startTimecode;
  const tb = b.startTimecode;
  if (!ta || !tb || !ta.rate || !tb.rate || !sameRate(ta.rate, tb.rate)) return null;
  const tcDelta = tb.nbTicks - ta.nbTicks;
  if (tcDelta === 0) return null;
  // Handles added on a re-render move the timecode and the first frame together: that is fine.
  const frameDelta = a.frameRange && b.frameRange ? b.frameRange.first - a.frameRange.first : null;
  if (frameDelta === tcDelta) return null;
  return `has start timecode ${tb.timecode ?? tb.nbTicks} instead of ${ta.timecode ?? ta.nbTicks}`;
}
