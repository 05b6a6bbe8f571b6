// Rates and times as Open Clip writes them. Both rate forms occur in real files (`<rate>24</rate>`
// and numerator/denominator), and a time is either `<nbTicks>` with an optional rate or, inside
// spans, a bare integer. The rate a time lacks is inherited from the feed or clip.
import { childEl, childText, parseIntStrict, type TXmlElement } from './xml-node';
import type { TRate, TTime } from './types';

// Decimal spellings of the NTSC rates map back to their exact fractions so that timecode maths
// (and drop-frame) works on 24000/1001, not on 23.976.
const NTSC: ReadonlyArray<[number, number]> = [
  [23.976, 24000],
  [23.98, 24000],
  [29.97, 30000],
  [47.952, 48000],
  [47.95, 48000],
  [59.94, 60000],
  [119.88, 120000],
];

export function makeRate(numerator: number, denominator: number): TRate | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || numerator <= 0 || denominator <= 0) return null;
  return { numerator, denominator, fps: numerator / denominator };
}

/** A rate element: text (`24`, `23.976`, `48000`) or `<numerator>`/`<denominator>` children. */
export function parseRate(el: TXmlElement | null): TRate | null {
  if (!el) return null;
  const num = childText(el, 'numerator');
  if (num !== null) {
    const den = childText(el, 'denominator') ?? '1';
    return makeRate(Number(num), Number(den));
  }
  const text = el.text.trim();
  if (!/^\d{1,9}(\.\d{1,6})?$/.test(text)) return null;
  const value = Number(text);
  const ntsc = NTSC.find(([dec]) => dec === value);
  if (ntsc) return makeRate(ntsc[1], 1001);
  if (Number.isInteger(value)) return makeRate(value, 1);
  return makeRate(Math.round(value * 1000), 1000);
}

/** A `type="time"` element, inheriting `inherited` when it carries no rate of its own. */
export function parseTime(el: TXmlElement | null, inherited: TRate | null): TTime | null {
  if (!el) return null;
  const ticksEl = childEl(el, 'nbTicks');
  const nbTicks = parseIntStrict(ticksEl ? ticksEl.text : el.text);
  if (nbTicks === null) return null;
  const rate = parseRate(childEl(el, 'rate')) ?? inherited;
  const dropFrame = (childText(el, 'dropMode') ?? '').toUpperCase() === 'DF';
  return { nbTicks, rate, dropFrame, timecode: rate ? formatTimecode(nbTicks, rate, dropFrame) : null };
}

/** HH:MM:SS:FF for picture rates; null for audio sample rates and negative times. */
export function formatTimecode(ticks: number, rate: TRate, dropFrame: boolean): string | null {
  if (ticks < 0 || rate.fps > 120) return null;
  const base = Math.round(rate.fps);
  if (base <= 0) return null;
  let frames = ticks;
  const drop = dropFrame && base % 30 === 0 && rate.denominator === 1001;
  if (drop) {
    // SMPTE drop-frame: skip 2 (or 4 at 59.94) frame numbers each minute except every tenth.
    const dropped = (base / 30) * 2;
    const per10 = Math.round(rate.fps * 600);
    const perMin = base * 60 - dropped;
    const tens = Math.floor(frames / per10);
    const rem = frames % per10;
    frames += dropped * 9 * tens + (rem > dropped ? dropped * Math.floor((rem - dropped) / perMin) : 0);
  }
  const ff = frames % base;
  const totalSeconds = Math.floor(frames / base);
  const pad = (v: number) => String(v).padStart(2, '0');
  const hh = Math.floor(totalSeconds / 3600);
  const mm = Math.floor(totalSeconds / 60) % 60;
  const ss = totalSeconds % 60;
  return `${pad(hh)}:${pad(mm)}:${pad(ss)}${drop ? ';' : ':'}${pad(ff)}`;
}

/** Frames a time lasts at `frameRate`; ticks are taken as frames when no rate is known. */
export function timeToFrames(time: TTime, frameRate: TRate | null): number | null {
  if (!time.rate || !frameRate || sameRate(time.rate, frameRate)) return time.nbTicks;
  const frames = (time.nbTicks * frameRate.fps) / time.rate.fps;
  return Number.isFinite(frames) ? Math.round(frames) : null;
}

export function sameRate(a: TRate, b: TRate): boolean {
  return Math.abs(a.fps - b.fps) < 1e-6;
}
