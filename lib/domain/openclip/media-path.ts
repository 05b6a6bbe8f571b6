// Reading a span's `<path>`: where it points (resolved against the clip's folder) and which
// frames it names. Flame's own syntax is `[first-last]` with the first number's width as padding,
// or the open-ended `{frame}` token; third-party writers also use `%04d` and `####`, which are
// accepted but flagged because Flame itself would not expand them.
import { resolvePath } from './posix-path';
import type { TFrameRange, TMediaPath, TPathSyntax, TWarningCode } from './types';

export interface TPathWarning {
  code: TWarningCode;
  message: string;
}

const RANGE = /\[\s*(-?\d+)\s*-\s*(-?\d+)\s*\]/g;
const TOKEN = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const PRINTF = /%(0?)(\d*)d/;
const HASHES = /#+/;

export function parseMediaPath(
  raw: string,
  declaredEncoding: string | null,
  clipDir: string,
): { path: TMediaPath; warnings: TPathWarning[] } {
  const warnings: TPathWarning[] = [];
  const text = raw.trim();
  const ranges = [...text.matchAll(RANGE)];
  const tokens = [...new Set([...text.matchAll(TOKEN)].map((m) => m[1] ?? ''))];
  const base = text.slice(text.lastIndexOf('/') + 1);
  const printf = PRINTF.exec(base);
  const hashes = HASHES.exec(base);

  let syntax: TPathSyntax = 'single';
  let frameRange: TFrameRange | null = null;
  const last = ranges[ranges.length - 1];
  if (last) {
    syntax = 'range';
    if (ranges.length > 1) warnings.push({ code: 'MULTIPLE_RANGES', message: `several frame ranges in ${text}; the last one is used` });
    frameRange = readRange(last[1] ?? '', last[2] ?? '', text, warnings);
  } else if (tokens.includes('frame')) {
    syntax = 'frame-token';
  } else if (printf) {
    syntax = 'printf';
  } else if (hashes) {
    syntax = 'hashes';
  }
  if (syntax === 'printf' || syntax === 'hashes') {
    warnings.push({ code: 'NON_FLAME_SEQUENCE_SYNTAX', message: `${text} uses ${syntax} frame numbering, which Flame does not expand` });
  }

  const looksLikePattern = syntax !== 'single' || tokens.length > 0;
  const declared = declaredEncoding?.trim().toLowerCase() || null;
  let encoding: 'file' | 'pattern';
  if (declared === 'pattern') encoding = 'pattern';
  else if (declared === 'file') encoding = 'file';
  else encoding = looksLikePattern ? 'pattern' : 'file';
  if (declared === 'file' && looksLikePattern) {
    // Autodesk's own 2026 example does this; a reader retries it as a pattern if the literal
    // file is missing, which only the filesystem side can check.
    warnings.push({ code: 'ENCODING_MISMATCH', message: `encoding="file" on a path that looks like a pattern: ${text}` });
  }

  return {
    path: {
      raw: text,
      resolved: resolvePath(clipDir, text),
      encoding,
      declaredEncoding: declaredEncoding,
      syntax,
      frameRange,
      unbounded: syntax === 'frame-token',
      tokens,
    },
    warnings,
  };
}

/** Padding of a printf or hash pattern, for ranges rebuilt from startFrame and duration. */
export function sequencePadding(raw: string): number | null {
  const base = raw.slice(raw.lastIndexOf('/') + 1);
  const printf = PRINTF.exec(base);
  if (printf) return printf[2] ? Number.parseInt(printf[2], 10) : 1;
  const hashes = HASHES.exec(base);
  return hashes ? hashes[0].length : null;
}

function readRange(a: string, b: string, text: string, warnings: TPathWarning[]): TFrameRange | null {
  const digitsA = a.replace('-', '');
  if (digitsA.length > 15 || b.replace('-', '').length > 15) {
    warnings.push({ code: 'INVALID_RANGE', message: `frame numbers too large in ${text}` });
    return null;
  }
  const first = Number.parseInt(a, 10);
  const lastFrame = Number.parseInt(b, 10);
  if (first > lastFrame) {
    warnings.push({ code: 'INVALID_RANGE', message: `range ends before it starts in ${text}` });
    return null;
  }
  if (first < 0 || lastFrame < 0) {
    warnings.push({ code: 'NEGATIVE_FRAME', message: `negative frame numbers in ${text}` });
  }
  return { first, last: lastFrame, padding: digitsA.length, count: lastFrame - first + 1 };
}
