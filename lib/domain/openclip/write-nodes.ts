// The feed and version blocks Flame writes when a version is added (openclip.md §2.2), shared by
// buildOpenClip (a whole clip) and appendVersion (a splice into an existing one), so both produce
// the same shape: feeds with sampleRate/startTimecode/spans and `<path encoding="pattern">`,
// versions with name, creationDate and a userData holding batchSetup and versionNumber.
import { z } from 'zod';
import { trailingNumber } from './model-versions';

export const ZWriteFrameRange = z
  .object({ first: z.number().int(), last: z.number().int() })
  .refine((r) => r.first <= r.last, 'frameRange.first must not be after frameRange.last');

const ISO_WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/;

export const ZWriteVersion = z.object({
  vuid: z.string().min(1).regex(/^[^<>&"']+$/, 'vuid must be plain text'),
  name: z.string().min(1),
  /** ISO 8601. Written as Flame does (`YYYY/MM/DD hh:mm:ss`), wall clock as given, zone dropped. */
  createdAt: z.string().regex(ISO_WALL_CLOCK, 'createdAt must be ISO 8601'),
  /** A path with `[first-last]`, or with `{frame}`, `<frame>`, `%04d` or `####` where the number goes. */
  mediaPath: z.string().min(1),
  frameRange: ZWriteFrameRange.nullable().optional(),
  /** Digits of the frame number; default from `####`/`%0Nd`, else 4. */
  padding: z.number().int().min(1).max(16).optional(),
  comment: z.string().optional(),
  batchSetup: z.string().optional(),
  versionNumber: z.number().int().min(0).optional(),
  /** Start timecode in frames at the clip's rate (86400 = 01:00:00:00 at 24 fps). */
  startTimecodeFrames: z.number().int().min(0).optional(),
  feedUid: z.string().min(1).optional(),
});
export type TWriteVersion = z.infer<typeof ZWriteVersion>;

export const ZWriteRate = z.object({ numerator: z.number().int().positive(), denominator: z.number().int().positive() });
export type TWriteRate = z.infer<typeof ZWriteRate>;

/** A tiny element tree; `text` and `children` are exclusive. */
export interface TNode {
  name: string;
  attrs?: ReadonlyArray<readonly [string, string]>;
  text?: string;
  children?: TNode[];
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Lines of `node` at `indent`, nested by `unit`. */
export function renderNode(node: TNode, indent: string, unit: string): string[] {
  const attrs = (node.attrs ?? []).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
  if (node.text !== undefined) return [`${indent}<${node.name}${attrs}>${escapeXml(node.text)}</${node.name}>`];
  if (!node.children || node.children.length === 0) return [`${indent}<${node.name}${attrs}/>`];
  return [
    `${indent}<${node.name}${attrs}>`,
    ...node.children.flatMap((c) => renderNode(c, indent + unit, unit)),
    `${indent}</${node.name}>`,
  ];
}

/** `2026-03-02T09:41:17Z` → `2026/03/02 09:41:17`. */
export function flameDate(iso: string): string {
  const m = ISO_WALL_CLOCK.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return `${m[1]}/${m[2]}/${m[3]} ${m[4]}:${m[5]}:${m[6] ?? '00'}`;
}

const PLACEHOLDER = /\{frame\}|<frame>|%0?(\d*)d|#+/;

/** Put `[first-last]` (zero-padded) where the frame number goes; leave explicit ranges alone. */
export function framePattern(mediaPath: string, range: { first: number; last: number } | null | undefined, padding?: number): string {
  if (/\[\s*-?\d+\s*-\s*-?\d+\s*\]/.test(mediaPath) || !range) return mediaPath;
  const m = PLACEHOLDER.exec(mediaPath);
  if (!m) return mediaPath;
  const width = padding ?? (m[0].startsWith('#') ? m[0].length : m[1] ? Number(m[1]) : 4);
  const pad = (n: number) => (n < 0 ? '-' + String(-n).padStart(width, '0') : String(n).padStart(width, '0'));
  return mediaPath.replace(PLACEHOLDER, `[${pad(range.first)}-${pad(range.last)}]`);
}

function rateNode(name: string, rate: TWriteRate): TNode {
  return {
    name,
    attrs: [['type', 'rate']],
    children: [
      { name: 'numerator', text: String(rate.numerator) },
      { name: 'denominator', text: String(rate.denominator) },
    ],
  };
}

// Whole rates as text (`<rate>24</rate>`), fractional ones as a pair: no 23.976023976… in files.
function rateValue(rate: TWriteRate): TNode {
  return rate.denominator === 1 ? { name: 'rate', attrs: [['type', 'rate']], text: String(rate.numerator) } : rateNode('rate', rate);
}

/** One feed; with no known `rate` (legacy clips) no rate is asserted and ticks count frames. */
export function feedNode(v: TWriteVersion, uid: string, rate: TWriteRate | null, mediaPath = v.mediaPath, range = v.frameRange): TNode {
  const path = framePattern(mediaPath, range, v.padding);
  const isPattern = /\[\s*-?\d+\s*-\s*-?\d+\s*\]|\{[A-Za-z_]+\}/.test(path);
  const rateChild: TNode[] = rate ? [rateValue(rate)] : [];
  const span: TNode[] = [];
  if (range) {
    const duration = String(range.last - range.first + 1);
    span.push({ name: 'duration', attrs: [['type', 'time']], children: [...rateChild, { name: 'nbTicks', text: duration }] });
  }
  span.push({ name: 'path', attrs: [['encoding', isPattern ? 'pattern' : 'file']], text: path });
  const children: TNode[] = rate ? [rateNode('sampleRate', rate)] : [];
  if (v.startTimecodeFrames !== undefined) {
    children.push({
      name: 'startTimecode',
      attrs: [['type', 'time']],
      children: [...rateChild, { name: 'nbTicks', text: String(v.startTimecodeFrames) }, { name: 'dropMode', text: 'NDF' }],
    });
  }
  children.push({ name: 'spans', attrs: [['type', 'spans']], children: [{ name: 'span', attrs: [['type', 'span']], children: span }] });
  return { name: 'feed', attrs: [['type', 'feed'], ['vuid', v.vuid], ['uid', uid]], children };
}

export function versionNode(v: TWriteVersion): TNode {
  const children: TNode[] = [{ name: 'name', text: v.name }];
  if (v.comment !== undefined) children.push({ name: 'comment', text: v.comment });
  children.push({ name: 'creationDate', text: flameDate(v.createdAt) });
  const userData: TNode[] = [];
  if (v.batchSetup !== undefined) userData.push({ name: 'batchSetup', attrs: [['type', 'binary']], text: v.batchSetup });
  const number = v.versionNumber ?? trailingNumber(v.name) ?? trailingNumber(v.vuid);
  if (number !== null) userData.push({ name: 'versionNumber', attrs: [['type', 'uint64']], text: String(number) });
  if (userData.length > 0) children.push({ name: 'userData', attrs: [['type', 'dict']], children: userData });
  return { name: 'version', attrs: [['type', 'version'], ['uid', v.vuid]], children };
}
