// Add a version to an existing clip the way a remote render does (openclip.md §2.2): a new feed
// in each rendered track, a new `<version>` entry, and optionally `currentVersion` moved. The
// text is spliced, not re-serialised, so everything else (unknown elements, private tags, v9
// Bytes values, the schema version itself) stays byte for byte what it was.
import { z } from 'zod';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_ELEMENTS, parseOpenClip } from './parse';
import { scanXml } from './xml-scan';
import { feedNode, renderNode, versionNode, ZWriteFrameRange, ZWriteVersion, type TNode, type TWriteRate } from './write-nodes';
import { attr, childEl, childEls, type TXmlElement } from './xml-node';
import type { TOpenClip, TParseError, TRate } from './types';

export const ZAppendTrack = z.object({
  trackUid: z.string().min(1),
  mediaPath: z.string().min(1),
  frameRange: ZWriteFrameRange.nullable().optional(),
  feedUid: z.string().min(1).optional(),
});
/** A version to append; `tracks` lists the rendered tracks, default the main picture track. */
export const ZAppendVersion = ZWriteVersion.extend({ tracks: z.array(ZAppendTrack).min(1).optional() });
export type TAppendVersion = z.input<typeof ZAppendVersion>;

export interface TAppendOptions {
  /** Move `currentVersion` to the new version. When false, an implicit current is pinned explicitly. */
  makeCurrent: boolean;
  clipPath?: string;
}

export type TAppendErrorCode = 'PARSE_FAILED' | 'INVALID_INPUT' | 'DUPLICATE_VERSION' | 'NO_TRACKS' | 'UNKNOWN_TRACK' | 'WRITE_FAILED';
export type TAppendResult =
  | { ok: true; xml: string; clip: TOpenClip }
  | { ok: false; error: { code: TAppendErrorCode; reason: string; parseError?: TParseError } };

interface TEdit {
  at: number;
  remove: number;
  text: string;
}

export function appendVersion(xmlText: string, version: TAppendVersion, opts: TAppendOptions): TAppendResult {
  const input = ZAppendVersion.safeParse(version);
  if (!input.success) return fail('INVALID_INPUT', input.error.issues.map((i) => i.message).join('; '));
  const v = input.data;
  const clipPath = opts.clipPath ?? '/clip.clip';
  const bom = xmlText.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = xmlText.slice(bom.length);
  const parsed = parseOpenClip(text, { clipPath });
  if (!parsed.ok) return { ok: false, error: { code: 'PARSE_FAILED', reason: parsed.error.reason, parseError: parsed.error } };
  const clip = parsed.clip;
  if (clip.versions.some((x) => x.uid === v.vuid)) return fail('DUPLICATE_VERSION', `${v.vuid} is already in the clip`);
  const scanned = scanXml(text, { maxDepth: DEFAULT_MAX_DEPTH, maxElements: DEFAULT_MAX_ELEMENTS });
  if (!scanned.ok) return fail('PARSE_FAILED', scanned.error.reason);
  const root = scanned.root;
  const trackEls = childEls(childEl(root, 'tracks'), 'track');
  if (clip.tracks.length === 0 || trackEls.length !== clip.tracks.length) return fail('NO_TRACKS', 'the clip has no tracks to add a feed to');

  if (v.tracks && new Set(v.tracks.map((t) => t.trackUid)).size !== v.tracks.length) return fail('INVALID_INPUT', 'a track is listed twice');
  const targets = v.tracks ?? [{ trackUid: clip.mainTrackUid ?? '', mediaPath: v.mediaPath, frameRange: v.frameRange, feedUid: v.feedUid }];
  const style = detectStyle(text, root);
  const edits: TEdit[] = [];
  for (const target of targets) {
    const index = clip.tracks.findIndex((t) => t.uid === target.trackUid);
    const track = clip.tracks[index];
    const trackEl = trackEls[index];
    if (!track || !trackEl) return fail('UNKNOWN_TRACK', `no track with uid ${target.trackUid}`);
    const rate = writeRate(
      track.feeds.findLast((f) => f.sampleRate)?.sampleRate ?? track.feeds.findLast((f) => f.startTimecode?.rate)?.startTimecode?.rate ?? clip.editRate,
    );
    const feed = feedNode(v, target.feedUid ?? `${track.uid}_${v.vuid}`, rate, target.mediaPath, target.frameRange);
    const current = opts.makeCurrent ? v.vuid : track.currentVersion;
    const feedsEl = childEl(trackEl, 'feeds');
    if (feedsEl) {
      const pin = opts.makeCurrent || attr(feedsEl, 'currentVersion') === null ? current : null;
      edits.push(...insertChildren(text, feedsEl, [feed], pin, style));
    } else {
      const feeds: TNode = { name: 'feeds', attrs: opts.makeCurrent ? [['currentVersion', v.vuid]] : [], children: [feed] };
      edits.push(...insertChildren(text, trackEl, [feeds], null, style));
    }
  }
  const versionsEl = childEl(root, 'versions');
  const clipCurrent = opts.makeCurrent ? v.vuid : clip.currentVersion;
  if (versionsEl) {
    const pin = opts.makeCurrent || attr(versionsEl, 'currentVersion') === null ? clipCurrent : null;
    edits.push(...insertChildren(text, versionsEl, [versionNode(v)], pin, style));
  } else {
    const attrs: Array<[string, string]> = [['type', 'versions'], ...(clipCurrent ? [['currentVersion', clipCurrent] as [string, string]] : [])];
    edits.push(...insertChildren(text, root, [{ name: 'versions', attrs, children: [versionNode(v)] }], null, style));
  }

  let out = text;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.at + e.remove);
  const check = parseOpenClip(out, { clipPath });
  if (!check.ok) return fail('WRITE_FAILED', `the spliced clip does not parse: ${check.error.reason}`);
  return { ok: true, xml: bom + out, clip: check.clip };
}

function fail(code: TAppendErrorCode, reason: string): TAppendResult {
  return { ok: false, error: { code, reason } };
}

// Rates parsed from decimals can be fractional numerators; the writer wants integers.
function writeRate(rate: TRate | null): TWriteRate | null {
  if (!rate) return null;
  if (Number.isInteger(rate.numerator) && Number.isInteger(rate.denominator)) return { numerator: rate.numerator, denominator: rate.denominator };
  return { numerator: Math.round(rate.fps * 1000), denominator: 1000 };
}

interface TStyle {
  nl: string;
  unit: string;
}

function detectStyle(text: string, root: TXmlElement): TStyle {
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const first = root.children[0];
  const unit = first ? indentAt(text, first.start) : null;
  return { nl, unit: unit ? unit : '    ' };
}

/** The whitespace between the start of the line and `offset`; null when other text precedes it. */
function indentAt(text: string, offset: number): string | null {
  let k = offset;
  while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === '\t')) k--;
  return k === 0 || text[k - 1] === '\n' || text[k - 1] === '\r' ? text.slice(k, offset) : null;
}

/** Edits that add `nodes` as the last children of `parent`, optionally setting its currentVersion. */
function insertChildren(text: string, parent: TXmlElement, nodes: TNode[], currentVersion: string | null, style: TStyle): TEdit[] {
  const indent = indentAt(text, parent.start) ?? '';
  const lines = nodes.flatMap((n) => renderNode(n, indent + style.unit, style.unit)).join(style.nl);
  let startTag = text.slice(parent.start, parent.openEnd);
  if (currentVersion !== null) startTag = setAttr(startTag, 'currentVersion', currentVersion);
  if (parent.selfClosing) {
    const open = startTag.replace(/\s*\/>$/, '>');
    return [{ at: parent.start, remove: parent.end - parent.start, text: `${open}${style.nl}${lines}${style.nl}${indent}</${parent.name}>` }];
  }
  const edits: TEdit[] = [];
  if (startTag !== text.slice(parent.start, parent.openEnd)) edits.push({ at: parent.start, remove: parent.openEnd - parent.start, text: startTag });
  const closeOwnLine = indentAt(text, parent.closeStart) === indent && parent.closeStart - indent.length > parent.openEnd;
  if (closeOwnLine) edits.push({ at: parent.closeStart - indent.length, remove: 0, text: lines + style.nl });
  else edits.push({ at: parent.closeStart, remove: 0, text: style.nl + lines + style.nl + indent });
  return edits;
}

function setAttr(startTag: string, name: string, value: string): string {
  const escaped = value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const existing = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (existing.test(startTag)) return startTag.replace(existing, (_m, lead: string) => `${lead}"${escaped}"`);
  const end = startTag.endsWith('/>') ? startTag.length - 2 : startTag.length - 1;
  return `${startTag.slice(0, end)} ${name}="${escaped}"${startTag.slice(end)}`;
}
