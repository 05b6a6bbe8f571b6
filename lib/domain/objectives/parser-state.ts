import type { TObjectiveParseError } from './ast';
import { describeToken, type TToken } from './tokenizer';

/** Deepest nesting accepted (parentheses, NOT chains, nested IFs...), so recursion stays bounded. */
export const MAX_NESTING_DEPTH = 64;

/**
 * Thrown inside the parser to abandon the parse at a syntax error. It never leaves the module:
 * `parseObjectiveExpression` catches it and turns it into an error result.
 */
export class SyntaxFailure extends Error {
  constructor(readonly error: TObjectiveParseError) {
    super(error.message);
  }
}

/** Where a token sits, as the 1-based position an editor can underline. */
export function positionOf(t: TToken): Omit<TObjectiveParseError, 'message'> {
  return { line: t.line, column: t.column, length: Math.max(1, t.raw.length) };
}

/**
 * Cursor over the tokens plus the problems found so far. Syntax errors stop the parse (what
 * follows cannot be read reliably); naming errors (unknown function, wrong arity...) are recorded
 * and parsing continues, so one pass reports every misspelt word.
 */
export class ParserState {
  private index = 0;
  private depth = 0;
  /** > 0 inside `[...]`, where bare words are table columns rather than file identifiers. */
  selectorDepth = 0;
  readonly problems: TObjectiveParseError[] = [];

  constructor(private readonly tokens: readonly TToken[]) {}

  peek(ahead = 0): TToken {
    const last = this.tokens[this.tokens.length - 1];
    const t = this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] ?? last;
    if (t === undefined) throw new Error('token list without eof');
    return t;
  }

  next(): TToken {
    const t = this.peek();
    if (t.kind !== 'eof') this.index += 1;
    return t;
  }

  isPunct(value: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'punct' && t.value === value;
  }

  isKeyword(value: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'keyword' && t.value === value;
  }

  /** Consumes the punctuation if present. */
  acceptPunct(value: string): boolean {
    if (!this.isPunct(value)) return false;
    this.index += 1;
    return true;
  }

  acceptKeyword(value: string): boolean {
    if (!this.isKeyword(value)) return false;
    this.index += 1;
    return true;
  }

  /** Consumes the punctuation or fails with "expected <value> <context>, found ...". */
  expectPunct(value: string, context: string): TToken {
    if (this.isPunct(value)) return this.next();
    return this.fail(this.peek(), `expected ${value} ${context}, found ${describeToken(this.peek())}`);
  }

  /** Records a problem and carries on. */
  report(at: TToken, message: string): void {
    this.problems.push({ message, ...positionOf(at) });
  }

  /** Abandons the parse at this token. */
  fail(at: TToken, message: string): never {
    throw new SyntaxFailure({ message, ...positionOf(at) });
  }

  /** Call on entering any construct that can nest; pair with `leave`. */
  enter(at: TToken): void {
    this.depth += 1;
    if (this.depth > MAX_NESTING_DEPTH) {
      this.fail(at, `expression nests deeper than ${MAX_NESTING_DEPTH} levels`);
    }
  }

  leave(): void {
    this.depth -= 1;
  }
}
