// Reading a path back into shot identity, and writing one from it. Shot identity is the `<shot>`
// capture of the path under a layout; the watcher uses it to attach a clip it finds on disk to
// the right project, sequence and shot, and the demo seed uses the renderer to put files where
// the watcher will look.
import { normalizeRelative } from './path-map';
import { escapeRegex, isNumericToken, parsePattern, tokenRegex, type TPatternPart, type TTokenKey } from './tokens';
import type { TPublishKind, TPublishLayout } from './layout';

export type TPublishTokens = Partial<Record<TTokenKey, string | number>>;

export interface TPublishMatch {
  kind: TPublishKind;
  project: string | null;
  sequence: string | null;
  shot: string | null;
  /** From `<version>`, or read back out of `<version name>` with the layout's versionName. */
  version: number | null;
  versionName: string | null;
  /** Every token the pattern captured, as text. */
  tokens: Partial<Record<TTokenKey, string>>;
}

const KIND_ORDER: readonly TPublishKind[] = ['clip', 'segment-clip', 'batch', 'render', 'source'];

interface TCompiled {
  kinds: Array<{ kind: TPublishKind; re: RegExp }>;
  versionName: RegExp | null;
}
const cache = new WeakMap<TPublishLayout, TCompiled>();

function compile(layout: TPublishLayout): TCompiled {
  const hit = cache.get(layout);
  if (hit) return hit;
  const vn = parsePattern(layout.versionName);
  // `<version name>` only matches the layout's own shape (`v` + digits by default), which also
  // settles where a shot name with underscores ends in `<shot>_<version name>`.
  const versionNameSource = vn.ok ? vn.parts.map((p) => ('literal' in p ? escapeRegex(p.literal) : tokenRegex(p.token, p.padding))).join('') : null;
  const kinds: TCompiled['kinds'] = [];
  for (const kind of KIND_ORDER) {
    const pattern = layout.patterns[kind];
    const parsed = pattern ? parsePattern(pattern) : null;
    if (parsed?.ok) kinds.push({ kind, re: new RegExp(`^${toRegex(parsed.parts, versionNameSource)}$`) });
  }
  const compiled = { kinds, versionName: vn.ok ? new RegExp(`^${toRegex(vn.parts, null)}$`) : null };
  cache.set(layout, compiled);
  return compiled;
}

// A token seen twice must have the same value both times: the second is a backreference.
function toRegex(parts: readonly TPatternPart[], versionNameSource: string | null): string {
  const seen = new Set<string>();
  return parts
    .map((p) => {
      if ('literal' in p) return escapeRegex(p.literal);
      if (seen.has(p.token)) return `\\k<${p.token}>`;
      seen.add(p.token);
      const source = p.token === 'versionName' && versionNameSource ? versionNameSource : tokenRegex(p.token, p.padding);
      return `(?<${p.token}>${source})`;
    })
    .join('');
}

/** What `relativePath` (relative to the projects root) is under `layout`, or null. */
export function matchPublishPath(layout: TPublishLayout, relativePath: string): TPublishMatch | null {
  const path = normalizeRelative(relativePath);
  if (path === null || path.length > 4096) return null;
  const compiled = compile(layout);
  for (const { kind, re } of compiled.kinds) {
    const groups = re.exec(path)?.groups;
    if (!groups) continue;
    const tokens: Partial<Record<TTokenKey, string>> = {};
    for (const [k, v] of Object.entries(groups)) if (v !== undefined) tokens[k as TTokenKey] = v;
    const direct = tokens.version !== undefined ? toInt(tokens.version) : null;
    const fromName = tokens.versionName !== undefined ? toInt(compiled.versionName?.exec(tokens.versionName)?.groups?.version) : null;
    // `<version>` and `<version name>` in one path must agree, or this is not that kind of file.
    if (direct !== null && fromName !== null && direct !== fromName) continue;
    return {
      kind,
      project: tokens.project ?? null,
      sequence: tokens.sequence ?? null,
      shot: tokens.shot ?? null,
      version: direct ?? fromName,
      versionName: tokens.versionName ?? null,
      tokens,
    };
  }
  return null;
}

function toInt(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,15}$/.test(text)) return null;
  return Number.parseInt(text, 10);
}

/** `v<version>` with the layout's padding: 7 → `v007`. */
export function versionNameFor(layout: TPublishLayout, version: number): string {
  const parsed = parsePattern(layout.versionName);
  if (!parsed.ok) return `v${String(version).padStart(layout.versionPadding, '0')}`;
  return parsed.parts
    .map((p) => ('literal' in p ? p.literal : p.token === 'version' ? String(version).padStart(p.padding ?? layout.versionPadding, '0') : ''))
    .join('');
}

export type TRenderResult = { ok: true; path: string } | { ok: false; missing: TTokenKey[]; invalid: TTokenKey[]; reason: string };

/**
 * The path of a `kind` of file for these tokens, relative to the projects root. Numbers are
 * padded (`#`s in the pattern, else the layout's version and frame padding); a frame may also
 * be given as text such as `{frame}` or `[1001-1100]` to get a clip's span path.
 */
export function renderPublishPath(layout: TPublishLayout, input: { kind: TPublishKind } & TPublishTokens): TRenderResult {
  const pattern = layout.patterns[input.kind];
  if (!pattern) return { ok: false, missing: [], invalid: [], reason: `layout ${layout.name} has no ${input.kind} pattern` };
  const parsed = parsePattern(pattern);
  if (!parsed.ok) return { ok: false, missing: [], invalid: [], reason: parsed.reason };
  const missing: TTokenKey[] = [];
  const invalid: TTokenKey[] = [];
  const out = parsed.parts.map((p) => {
    if ('literal' in p) return p.literal;
    const value = tokenValue(layout, input, p.token, p.padding);
    if (value === null) missing.push(p.token);
    else if (value === '' || value.includes('/') || value.includes('\\') || value === '.' || value === '..') invalid.push(p.token);
    return value ?? '';
  });
  if (missing.length > 0 || invalid.length > 0) {
    const reason = [missing.length ? `missing ${missing.join(', ')}` : '', invalid.length ? `invalid ${invalid.join(', ')}` : ''].filter(Boolean).join('; ');
    return { ok: false, missing: [...new Set(missing)], invalid: [...new Set(invalid)], reason };
  }
  return { ok: true, path: out.join('') };
}

function tokenValue(layout: TPublishLayout, input: TPublishTokens, token: TTokenKey, padding: number | null): string | null {
  const raw = input[token];
  if (token === 'versionName' && raw === undefined) {
    return typeof input.version === 'number' ? versionNameFor(layout, input.version) : null;
  }
  if (raw === undefined) return null;
  if (typeof raw === 'string') return raw;
  if (!Number.isSafeInteger(raw)) return '';
  const width = padding ?? (token === 'version' ? layout.versionPadding : token === 'frame' ? layout.framePadding : 0);
  if (!isNumericToken(token) || width === 0) return String(raw);
  return raw < 0 ? '-' + String(-raw).padStart(width, '0') : String(raw).padStart(width, '0');
}
