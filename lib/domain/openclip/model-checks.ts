// Checks across versions that are legal but worth a warning. Versions line up on the timeline by
// timecode, so a new version whose start moved without its frames moving with it shows "No
// Media" in Flame (seen with Write File stamping 00:00:00:00 over a plate at 1001).
import { sameRate } from './timing';
import type { TClipVersion, TClipWarning, TFeed, TTrack } from './types';

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
