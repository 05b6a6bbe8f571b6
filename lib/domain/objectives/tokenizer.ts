import type { TObjectiveParseError } from './ast';
import { isKeyword, isKnownUnit, suggestUnit } from './vocabulary';

export type TTokenKind = 'identifier' | 'keyword' | 'number' | 'string' | 'punct' | 'eof';

export interface TToken {
  readonly kind: TTokenKind;
  /** The source text of the token, exactly as written. */
  readonly raw: string;
  /** Upper-cased word, string contents, normalised number digits, or the punctuation itself. */
  readonly value: string;
  /** For numbers: the upper-case unit suffix, if any. */
  readonly unit: string | null;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export type TTokenizeResult =
  | { readonly ok: true; readonly tokens: readonly TToken[] }
  | { readonly ok: false; readonly error: TObjectiveParseError };

// Longest first, so `<=` wins over `<`.
const PUNCTUATION = [
  '==', '!=', '<=', '>=', '&&', '||',
  '(', ')', '{', '}', '[', ']', ',', '.', '?', ':', '|', '+', '-', '*', '/', '<', '>', '!', '=',
];

const CURLY_QUOTES = new Set(['\u201c', '\u201d', '\u2018', '\u2019']);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isWordStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_]/.test(c);
const isWordPart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);

/** `007.500` → `7.5`: equal numbers get equal text, so the AST compares by meaning. */
export function normaliseDigits(digits: string): string {
  const [whole = '0', fraction = ''] = digits.split('.');
  const intPart = whole.replace(/^0+(?=\d)/, '');
  const fracPart = fraction.replace(/0+$/, '');
  return fracPart === '' ? intPart : `${intPart}.${fracPart}`;
}

/**
 * Splits objective text into tokens. Stops at the first lexical error: what follows a broken
 * string or a stray character cannot be tokenised reliably, and one precise error beats many
 * cascading ones.
 */
export function tokenize(text: string): TTokenizeResult {
  const tokens: TToken[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const token = (kind: TTokenKind, start: number, value: string, unit: string | null = null): TToken => ({
    kind,
    raw: text.slice(start, i),
    value,
    unit,
    line,
    column: start - lineStart + 1,
    offset: start,
  });
  const error = (start: number, length: number, message: string): TTokenizeResult => ({
    ok: false,
    error: { message, line, column: start - lineStart + 1, length: Math.max(1, length) },
  });

  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      i += 1;
      line += 1;
      lineStart = i;
      continue;
    }
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'") {
      // Strings are raw: a backslash is kept as written because FNMATCH patterns give it its own
      // meaning (escaping a glob character). A quote of the other kind can be written inside.
      let end = i + 1;
      while (end < text.length && text[end] !== c && text[end] !== '\n' && text[end] !== '\r') end += 1;
      if (text[end] !== c) {
        return error(start, end - start, `unterminated string: add the closing ${c} on the same line`);
      }
      i = end + 1;
      tokens.push(token('string', start, text.slice(start + 1, end)));
      continue;
    }
    if (isDigit(c)) {
      while (isDigit(text[i])) i += 1;
      if (text[i] === '.' && isDigit(text[i + 1])) {
        i += 1;
        while (isDigit(text[i])) i += 1;
      }
      const digits = normaliseDigits(text.slice(start, i));
      if (!isWordStart(text[i])) {
        tokens.push(token('number', start, digits));
        continue;
      }
      const unitStart = i;
      while (isWordPart(text[i])) i += 1;
      const unit = text.slice(unitStart, i);
      if (!isKnownUnit(unit)) {
        const hint = suggestUnit(unit);
        const suffix = hint === undefined ? '' : ` (did you mean ${hint}?)`;
        return error(unitStart, unit.length, `unknown unit ${unit} in ${text.slice(start, i)}${suffix}`);
      }
      tokens.push(token('number', start, digits, unit.toUpperCase()));
      continue;
    }
    if (isWordStart(c)) {
      while (isWordPart(text[i])) i += 1;
      const word = text.slice(start, i);
      tokens.push(token(isKeyword(word) ? 'keyword' : 'identifier', start, word.toUpperCase()));
      continue;
    }
    const punct = PUNCTUATION.find((p) => text.startsWith(p, i));
    if (punct !== undefined) {
      i += punct.length;
      tokens.push(token('punct', start, punct));
      continue;
    }
    if (CURLY_QUOTES.has(c)) {
      return error(start, 1, `unexpected character ${c}: use a straight quote (" or ')`);
    }
    if (c === '&') return error(start, 1, 'unexpected character &: did you mean && (or AND)?');
    // Whole code point, so an emoji is reported as itself rather than half a surrogate pair.
    const point = text.codePointAt(i) ?? 0;
    const shown = /\s|\p{C}/u.test(String.fromCodePoint(point))
      ? `U+${point.toString(16).toUpperCase().padStart(4, '0')}`
      : String.fromCodePoint(point);
    return error(start, point > 0xffff ? 2 : 1, `unexpected character ${shown}`);
  }
  tokens.push({ kind: 'eof', raw: '', value: '', unit: null, line, column: i - lineStart + 1, offset: i });
  return { ok: true, tokens };
}

/** How a token reads in an error message. */
export function describeToken(t: TToken): string {
  switch (t.kind) {
    case 'eof':
      return 'end of expression';
    case 'string':
      return `string ${t.raw}`;
    default:
      return t.raw;
  }
}
