// What the watcher does with the filesystem, minus the filesystem: which file names are clips
// worth reading, and how a pattern clip's versions are found in a directory listing. The caller
// lists the disk; these functions only look at names, so they stay pure and testable.
//
// Writers leave backups beside the clip (`X.clip.bak`, `.bak.01`, `.bak_YYYYmmdd_HHMMSS`,
// `.bak.last`), OpenPype leaves `_tmp.clip` in media folders, and editors and sync tools leave
// their own debris; reading any of those as the real clip would report versions that were never
// published. Pattern clips (a `<handler>` ScanPattern, or a `{frame}` path) hold no version list
// at all: Flame expands the tokens against the directory tree, and so does matchScanPattern.
import { basenamePath } from './posix-path';
import type { TFrameRange } from './types';

export type TClipFileKind = 'clip' | 'backup' | 'temp' | 'other';

const BACKUP = /\.clip\.bak(?:$|[._])/i;
const EDITOR_TEMP = /(?:^\.#|^~\$|^\._|~$|\.sw[opx]$|\.tmp$|\.part$|\.partial$)/i;

/** Classify a path by its file name alone (no filesystem access). */
export function classifyClipFile(path: string): TClipFileKind {
  const name = basenamePath(path);
  if (BACKUP.test(name)) return 'backup';
  if (EDITOR_TEMP.test(name)) return 'temp';
  if (!/\.clip$/i.test(name)) return 'other';
  if (/(^|_)tmp\.clip$/i.test(name)) return 'temp';
  // Hidden files are how rsync, editors and macOS stage partial copies.
  if (name.startsWith('.')) return 'temp';
  return 'clip';
}

/** True for a `.clip` that is not a backup, temp or hidden file (openclip.md §4, edge case 24). */
export function isOpenClipCandidate(path: string): boolean {
  return classifyClipFile(path) === 'clip';
}

export interface TScannedVersion {
  /** The `{version}` value as found on disk (`003`), or '' when the pattern has no `{version}`. */
  version: string;
  /** Values of the other tokens, from the first matching file. */
  tokens: Record<string, string>;
  /** null when the pattern has no `{frame}` (one movie file per version). */
  frames: (TFrameRange & { missing: number }) | null;
  files: number;
  firstPath: string;
}

const TOKEN = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Group `paths` that match `pattern` by `{version}`, with the frame range each version covers. */
export function matchScanPattern(pattern: string, paths: readonly string[]): TScannedVersion[] {
  const names: string[] = [];
  let source = '^';
  let last = 0;
  for (const m of pattern.matchAll(TOKEN)) {
    source += escapeRegex(pattern.slice(last, m.index)) + tokenRegex(m[1] ?? '');
    names.push(m[1] ?? '');
    last = m.index + m[0].length;
  }
  source += escapeRegex(pattern.slice(last)) + '$';
  const re = new RegExp(source);

  const groups = new Map<string, { tokens: Record<string, string>; frames: string[]; files: number; firstPath: string }>();
  for (const p of paths) {
    const m = re.exec(p);
    if (!m) continue;
    const values: Record<string, string> = {};
    let consistent = true;
    names.forEach((name, i) => {
      const v = m[i + 1] ?? '';
      if (name in values && values[name] !== v) consistent = false;
      values[name] = v;
    });
    if (!consistent) continue;
    const version = values.version ?? '';
    let g = groups.get(version);
    if (!g) {
      const { version: _v, frame: _f, ...tokens } = values;
      g = { tokens, frames: [], files: 0, firstPath: p };
      groups.set(version, g);
    }
    g.files++;
    if (values.frame !== undefined) g.frames.push(values.frame);
  }
  return [...groups.entries()]
    .map(([version, g]) => ({ version, tokens: g.tokens, frames: frameSpan(g.frames), files: g.files, firstPath: g.firstPath }))
    .sort((a, b) => compareDigits(a.version, b.version));
}

function tokenRegex(name: string): string {
  if (name === 'frame' || name === 'version') return '(-?\\d+)';
  if (name === 'extension') return '([A-Za-z0-9]+)';
  return '([^/]+?)';
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function frameSpan(frames: string[]): (TFrameRange & { missing: number }) | null {
  if (frames.length === 0) return null;
  const numbers = frames.map((f) => Number.parseInt(f, 10));
  let first = numbers[0] ?? 0;
  let last = first;
  let firstText = frames[0] ?? '';
  numbers.forEach((n, i) => {
    if (n < first) {
      first = n;
      firstText = frames[i] ?? '';
    }
    if (n > last) last = n;
  });
  const count = last - first + 1;
  return { first, last, padding: firstText.replace('-', '').length, count, missing: count - new Set(numbers).size };
}

function compareDigits(a: string, b: string): number {
  const na = Number.parseInt(a, 10);
  const nb = Number.parseInt(b, 10);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
