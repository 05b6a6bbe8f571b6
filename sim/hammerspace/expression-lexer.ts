/**
 * Tokens of the objective expression language (reference section 2.2). Positions are 1-based
 * line and column, as `/objectives/validate` reports them.
 */

export type TokenType = 'ident' | 'number' | 'string' | 'op' | 'eof';

export interface Token {
  type: TokenType;
  value: string;
  /** Upper-cased identifier or unit (keywords and identifiers are case-insensitive). */
  upper: string;
  unit?: string;
  line: number;
  column: number;
}

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export const UNITS = new Set([
  'BYTE', 'BYTES', 'KB', 'KBYTE', 'KBYTES', 'MB', 'MBYTE', 'MBYTES', 'GB', 'GBYTE', 'GBYTES', 'TB', 'TBYTE',
  'TBYTES', 'PB', 'PBYTE', 'PBYTES', 'KIB', 'MIB', 'GIB', 'TIB', 'SEC', 'SECS', 'SECOND', 'SECONDS', 'MIN',
  'MINS', 'MINUTE', 'MINUTES', 'HOUR', 'HOURS', 'DAY', 'DAYS', 'WEEK', 'WEEKS', 'MONTH', 'MONTHS', 'YEAR', 'YEARS',
]);

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '+', '-', '*', '/', '(', ')', '{', '}', '[', ']', ',', '.', '?', ':', '|', '=', '%'];

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const col = () => i - lineStart + 1;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = { line, column: col() };
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\n') break;
        if (src[j] === '\\' && j + 1 < src.length) j++;
        value += src[j];
        j++;
      }
      if (src[j] !== c) throw new ExpressionError('Unterminated string literal', start.line, start.column);
      tokens.push({ type: 'string', value, upper: value.toUpperCase(), ...start });
      i = j + 1;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^([0-9]+(?:\.[0-9]+)?)([A-Za-z_]+)?/.exec(src.slice(i)) as RegExpExecArray;
      const digits = m[1] as string;
      const unit = m[2]?.toUpperCase();
      if (unit && !UNITS.has(unit)) {
        throw new ExpressionError(`Unknown unit '${m[2]}'`, start.line, start.column + digits.length);
      }
      tokens.push({ type: 'number', value: digits, upper: m[0].toUpperCase(), unit, ...start });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_#]/.test(c)) {
      const m = /^[A-Za-z_#][A-Za-z0-9_]*/.exec(src.slice(i)) as RegExpExecArray;
      tokens.push({ type: 'ident', value: m[0], upper: m[0].toUpperCase(), ...start });
      i += m[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new ExpressionError(`Unexpected character '${c}'`, start.line, start.column);
    tokens.push({ type: 'op', value: op, upper: op, ...start });
    i += op.length;
  }
  tokens.push({ type: 'eof', value: '', upper: '', line, column: col() });
  return tokens;
}

export function describeToken(t: Token): string {
  if (t.type === 'eof') return 'end of expression';
  if (t.type === 'string') return `string "${t.value}"`;
  return `'${t.value}'`;
}
