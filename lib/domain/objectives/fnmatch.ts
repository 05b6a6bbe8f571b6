// POSIX fnmatch(3), as glibc implements it, for previewing which files an objective's FNMATCH
// selects. Defaults: no flags. Hammerspace does not document the flags its FNMATCH passes, but
// its own example `FNMATCH("*/archive/*",PATH)` only makes sense if `*` crosses `/` (PATH is a
// full path starting with `/`; with FNM_PATHNAME the pattern would only match `/archive/x`). So
// by default `*`, `?` and brackets match `/` too, and a leading `.` is not special. The flags
// exist so the UI can show the stricter reading side by side while that is unconfirmed.

export interface TFnmatchFlags {
  /** FNM_PATHNAME: `/` is matched only by a literal `/` in the pattern. */
  readonly pathname?: boolean;
  /** FNM_PERIOD: a leading `.` (of the text, or of each segment with `pathname`) needs a literal `.`. */
  readonly period?: boolean;
  /** FNM_NOESCAPE: a backslash is an ordinary character instead of quoting the next one. */
  readonly noescape?: boolean;
  /** FNM_CASEFOLD (GNU): compare letters without regard to case. */
  readonly casefold?: boolean;
}

type TItem =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'star' }
  | { readonly kind: 'set'; readonly negated: boolean; readonly test: (c: string) => boolean };

// The POSIX locale's classes (ASCII), which is what a C library uses for byte paths by default.
const matches = (regex: RegExp) => (c: string): boolean => regex.test(c);
const CLASSES: Readonly<Record<string, (c: string) => boolean>> = {
  alnum: matches(/^[A-Za-z0-9]$/), alpha: matches(/^[A-Za-z]$/), blank: matches(/^[ \t]$/),
  cntrl: (c) => c.length === 1 && (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f),
  digit: matches(/^[0-9]$/), graph: matches(/^[!-~]$/), lower: matches(/^[a-z]$/), print: matches(/^[ -~]$/),
  punct: matches(/^[!-/:-@[-`{-~]$/), space: matches(/^[ \t\n\v\f\r]$/), upper: matches(/^[A-Z]$/),
  xdigit: matches(/^[0-9A-Fa-f]$/),
};

/**
 * Compiles a pattern once, to test many paths. Returns a matcher that always answers false when
 * the pattern is malformed the way glibc rejects it (a trailing backslash, an unknown `[:class:]`,
 * a range cut off by the end of the pattern). One glibc quirk is not copied: with `pathname`,
 * glibc never matches a `*` directly followed by an escaped slash (`*\/`); here `\/` is a slash.
 */
export function compileFnmatch(pattern: string, flags: TFnmatchFlags = {}): (text: string) => boolean {
  const items = compile([...pattern], flags);
  if (items === null) return () => false;
  if (!flags.pathname) return (text) => matchSegment(items, [...text], flags);
  const segments = splitItems(items);
  return (text) => {
    const parts = text.split('/');
    return parts.length === segments.length && parts.every((part, i) => matchSegment(segments[i] ?? [], [...part], flags));
  };
}

/** True when `text` matches the shell-style `pattern` (see the file comment for the default flags). */
export function fnmatch(pattern: string, text: string, flags: TFnmatchFlags = {}): boolean {
  return compileFnmatch(pattern, flags)(text);
}

function compile(p: readonly string[], flags: TFnmatchFlags): TItem[] | null {
  const items: TItem[] = [];
  for (let i = 0; i < p.length; i++) {
    const c = p[i] ?? '';
    if (c === '\\' && !flags.noescape) {
      const quoted = p[i + 1];
      if (quoted === undefined) return null;
      items.push({ kind: 'char', char: quoted });
      i += 1;
    } else if (c === '*') {
      if (items[items.length - 1]?.kind !== 'star') items.push({ kind: 'star' });
    } else if (c === '?') {
      items.push({ kind: 'any' });
    } else if (c === '[') {
      const bracket = compileBracket(p, i + 1, flags);
      if (bracket === 'invalid') return null;
      if (bracket === undefined) items.push({ kind: 'char', char: '[' });
      else {
        items.push(bracket.item);
        i = bracket.end;
      }
    } else {
      items.push({ kind: 'char', char: c });
    }
  }
  return items;
}

/** Parses `[...]` from just after the `[`; undefined when unclosed, so the `[` is literal. */
function compileBracket(p: readonly string[], start: number, flags: TFnmatchFlags):
  { item: TItem; end: number } | 'invalid' | undefined {
  let j = start;
  const negated = p[j] === '!' || p[j] === '^';
  if (negated) j += 1;
  // Each test sees the text character as written and case-folded. Folding follows glibc: listed
  // characters and ranges compare folded, while `[:class:]` tests the character as written.
  const tests: ((c: string, folded: string) => boolean)[] = [];
  const fold = (c: string): string => (flags.casefold ? c.toLowerCase() : c);
  // One listed character: plain, escaped, or a collating symbol `[.c.]` / equivalence class
  // `[=c=]` of a single character. As in glibc, any other `[.` makes the pattern invalid, while
  // any other `[=` leaves the `[` as a plain listed character.
  const readMember = (): { char: string; folds: boolean } | undefined | 'invalid' => {
    const c = p[j];
    const next = p[j + 1];
    if (c === '[' && (next === '.' || next === '=')) {
      const exact = p[j + 3] === next && p[j + 4] === ']' && p[j + 2] !== undefined;
      if (exact) {
        j += 5;
        // glibc compares these to the character as written, even under casefold.
        return { char: p[j - 3] ?? '', folds: false };
      }
      if (next === '.') return 'invalid';
    }
    if (c === '\\' && !flags.noescape) {
      j += 2;
      const quoted = p[j - 1];
      return quoted === undefined ? undefined : { char: quoted, folds: true };
    }
    j += 1;
    return c === undefined ? undefined : { char: c, folds: true };
  };
  for (let first = true; ; first = false) {
    if (j >= p.length) return undefined;
    if (p[j] === ']' && !first) break;
    if (p[j] === '[' && p[j + 1] === ':') {
      const close = findClose(p, j + 2, ':');
      if (close !== -1) {
        const name = p.slice(j + 2, close).join('');
        const inClass = Object.hasOwn(CLASSES, name) ? CLASSES[name] : undefined;
        if (inClass === undefined) return 'invalid';
        tests.push((c) => inClass(c));
        j = close + 2;
        continue;
      }
    }
    const low = readMember();
    if (low === undefined || low === 'invalid') return low;
    // glibc rejects a range cut off by the end of the pattern (`[a-`) instead of reading the
    // opening `[` literally, except when the range would start at a `[`.
    if (p[j] === '-' && p[j + 1] === undefined && low.char !== '[') return 'invalid';
    if (p[j] === '-' && p[j + 1] !== undefined && p[j + 1] !== ']') {
      j += 1;
      const high = readMember();
      if (high === undefined || high === 'invalid') return high;
      const [from, to] = [fold(low.char), fold(high.char)];
      tests.push((_, f) => f >= from && f <= to);
    } else {
      const only = low.folds ? fold(low.char) : low.char;
      tests.push((c, f) => (low.folds ? f : c) === only);
    }
  }
  const test = (c: string): boolean => tests.some((t) => t(c, fold(c)));
  return { item: { kind: 'set', negated, test }, end: j };
}

/** Index of the `delimiter` in the first `<delimiter>]` at or after `from`, or -1. */
function findClose(p: readonly string[], from: number, delimiter: string): number {
  for (let i = from; i < p.length - 1; i++) if (p[i] === delimiter && p[i + 1] === ']') return i;
  return -1;
}

/** With FNM_PATHNAME, pattern and text are compared segment by segment between literal slashes. */
function splitItems(items: readonly TItem[]): TItem[][] {
  const segments: TItem[][] = [[]];
  for (const item of items) {
    if (item.kind === 'char' && item.char === '/') segments.push([]);
    else segments[segments.length - 1]?.push(item);
  }
  return segments;
}

// Iterative matching with one backtrack point: on a mismatch the most recent `*` swallows one
// more character. Linear in practice and never exponential, unlike naive recursion on `*`.
function matchSegment(items: readonly TItem[], text: readonly string[], flags: TFnmatchFlags): boolean {
  // Under FNM_PERIOD no wildcard may supply a leading period. The text here never holds a `/`
  // when `pathname` is set (it was split on them), so index 0 is the only "leading" position.
  const leadingPeriod = (at: number): boolean => !!flags.period && at === 0 && text[0] === '.';
  const wildcardMay = (at: number): boolean => !leadingPeriod(at);
  const same = (a: string, b: string): boolean => a === b || (!!flags.casefold && a.toLowerCase() === b.toLowerCase());
  const one = (item: TItem, at: number): boolean => {
    const c = text[at] ?? '';
    if (item.kind === 'char') return same(item.char, c);
    if (item.kind === 'any') return wildcardMay(at);
    return item.kind === 'set' && wildcardMay(at) && item.test(c) !== item.negated;
  };
  let p = 0;
  let t = 0;
  let starItem = -1;
  let starText = 0;
  while (t < text.length) {
    const item = items[p];
    if (item?.kind === 'star') {
      // As in glibc, a `*` facing a leading period fails outright, even though it could match
      // nothing and leave the period to a literal `.` (so `*.clip` never matches `.clip`).
      if (leadingPeriod(t)) return false;
      starItem = p;
      starText = t;
      p += 1;
    } else if (item !== undefined && one(item, t)) {
      p += 1;
      t += 1;
    } else if (starItem >= 0 && wildcardMay(starText)) {
      starText += 1;
      t = starText;
      p = starItem + 1;
    } else {
      return false;
    }
  }
  while (items[p]?.kind === 'star') p += 1;
  return p === items.length;
}
