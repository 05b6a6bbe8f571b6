// Flame naming-pattern tokens (openclip.md §3.3), turned into something a path can be matched
// against and rendered from. Patterns are written the way Flame's presets write them
// (`<shot name>`, `<version name>`, `<iteration###>`), plus short aliases (`<shot>`,
// `<sequence>`, `<project>`) so a studio can write its own layout without Flame's spellings.

/** The token keys a layout can use, after aliases are resolved. */
export const TOKEN_KEYS = [
  'project',
  'sequence',
  'shot',
  'segment',
  'segmentIndex',
  'version',
  'versionName',
  'frame',
  'ext',
  'track',
  'tape',
  'source',
  'workstation',
  'user',
  'iteration',
  'YYYY',
  'YY',
  'MM',
  'DD',
  'hh',
  'mm',
  'ss',
  'width',
  'height',
  'polarity',
] as const;
export type TTokenKey = (typeof TOKEN_KEYS)[number];

// Flame's `<name>` in a Sequence Publish preset is the sequence name (tk-flame-export maps it so).
const ALIASES: Readonly<Record<string, TTokenKey>> = {
  project: 'project',
  'project nickname': 'project',
  'project name': 'project',
  sequence: 'sequence',
  name: 'sequence',
  'sequence name': 'sequence',
  shot: 'shot',
  'shot name': 'shot',
  'segment name': 'segment',
  segment: 'segmentIndex',
  version: 'version',
  'version name': 'versionName',
  frame: 'frame',
  ext: 'ext',
  extension: 'ext',
  'track name': 'track',
  track: 'track',
  tape: 'tape',
  'tape name': 'tape',
  'source name': 'source',
  source: 'source',
  workstation: 'workstation',
  'user nickname': 'user',
  user: 'user',
  iteration: 'iteration',
  YYYY: 'YYYY',
  YY: 'YY',
  MM: 'MM',
  DD: 'DD',
  hh: 'hh',
  mm: 'mm',
  ss: 'ss',
  width: 'width',
  height: 'height',
  polarity: 'polarity',
};

const NUMERIC: ReadonlySet<TTokenKey> = new Set(['segmentIndex', 'version', 'frame', 'iteration', 'YYYY', 'YY', 'MM', 'DD', 'hh', 'mm', 'ss', 'width', 'height']);

export type TPatternPart = { literal: string } | { token: TTokenKey; padding: number | null };

export type TPatternResult = { ok: true; parts: TPatternPart[] } | { ok: false; reason: string };

/** Split a pattern into literals and tokens; `#`s after a token set its padding (`<iteration###>`). */
export function parsePattern(pattern: string): TPatternResult {
  const parts: TPatternPart[] = [];
  let last = 0;
  for (const m of pattern.matchAll(/<([^<>]*)>/g)) {
    if (m.index > last) parts.push({ literal: pattern.slice(last, m.index) });
    const body = (m[1] ?? '').trim();
    const hashes = /#+$/.exec(body)?.[0] ?? '';
    const name = body.slice(0, body.length - hashes.length).trim();
    const token = Object.prototype.hasOwnProperty.call(ALIASES, name) ? ALIASES[name] : undefined;
    if (!token) return { ok: false, reason: `unknown token <${body}> in ${pattern}` };
    parts.push({ token, padding: hashes.length > 0 ? hashes.length : null });
    last = m.index + m[0].length;
  }
  if (last < pattern.length) parts.push({ literal: pattern.slice(last) });
  if (parts.some((p) => 'literal' in p && /[<>]/.test(p.literal))) return { ok: false, reason: `unbalanced < or > in ${pattern}` };
  return { ok: true, parts };
}

export function isNumericToken(token: TTokenKey): boolean {
  return NUMERIC.has(token);
}

/** Regex source that captures one token inside a single path segment. */
export function tokenRegex(token: TTokenKey, padding: number | null): string {
  if (token === 'frame') {
    // A frame can also be a clip span's pattern: [1001-1100], {frame}, ####, %04d.
    return String.raw`(?:\d+|\[\s*-?\d+\s*-\s*-?\d+\s*\]|\{frame\}|#+|%0?\d*d)`;
  }
  if (NUMERIC.has(token)) return padding ? `\\d{${padding},}` : '\\d+';
  if (token === 'ext') return '[A-Za-z0-9]+';
  return '[^/]+?';
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
