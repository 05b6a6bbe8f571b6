/**
 * Parser and validator for objective expressions, written from the grammar in the reference
 * (section 2.2). This is the simulator's own; the product has a separate parser it must not share,
 * so that one can be checked against the other over HTTP.
 */
import { ExpressionError, describeToken, tokenize, type Token } from './expression-lexer';

export type Node =
  | { k: 'if'; cond: Node; then: Node; else?: Node; at: Token }
  | { k: 'set'; items: { name: string; at: Token }[]; at: Token }
  | { k: 'bin'; op: string; l: Node; r: Node; at: Token }
  | { k: 'not'; e: Node; at: Token }
  | { k: 'neg'; e: Node; at: Token }
  | { k: 'num'; v: number; unit?: string; at: Token }
  | { k: 'str'; v: string; at: Token }
  | { k: 'id'; name: string; at: Token }
  | { k: 'call'; name: string; args: Node[]; at: Token }
  | { k: 'member'; obj: Node; name: string; at: Token }
  | { k: 'index'; obj: Node; sel: Node; at: Token }
  | { k: 'ternary'; c: Node; a: Node; b?: Node; at: Token };

const CMP = new Set(['==', '!=', '<', '>', '<=', '>=', '=']);

class Parser {
  private i = 0;
  constructor(private readonly t: Token[]) {}

  private peek(): Token {
    return this.t[this.i] as Token;
  }
  private next(): Token {
    return this.t[this.i++] as Token;
  }
  private isKw(word: string): boolean {
    const t = this.peek();
    return t.type === 'ident' && t.upper === word;
  }
  private isOp(op: string): boolean {
    const t = this.peek();
    return t.type === 'op' && t.value === op;
  }
  private expectOp(op: string, context: string): Token {
    if (!this.isOp(op)) this.fail(`Expected '${op}' ${context}`);
    return this.next();
  }
  private fail(message: string, tok = this.peek()): never {
    throw new ExpressionError(`${message} but found ${describeToken(tok)}`, tok.line, tok.column);
  }

  parseObjective(): Node {
    const node = this.isKw('IF') ? this.ifStmt() : this.value();
    if (this.peek().type !== 'eof') this.fail('Expected end of expression');
    return node;
  }

  private ifStmt(): Node {
    const at = this.next();
    const cond = this.or();
    if (!this.isKw('THEN')) this.fail("Expected 'THEN' after the IF condition");
    this.next();
    if (!this.isOp('{')) this.fail("Expected '{' to open the SLO set after THEN");
    const then = this.sloSet();
    let other: Node | undefined;
    if (this.isKw('ELSE')) {
      this.next();
      if (this.isKw('IF')) other = this.ifStmt();
      else if (this.isOp('{')) other = this.sloSet();
      else this.fail("Expected 'IF' or '{' after ELSE");
    }
    return { k: 'if', cond, then, else: other, at };
  }

  private sloSet(): Node {
    const at = this.expectOp('{', 'to open an SLO set');
    const items: { name: string; at: Token }[] = [];
    if (!this.isOp('}')) {
      for (;;) {
        if (!this.isKw('SLO')) this.fail("Expected SLO('objective-name') in the SLO set");
        this.next();
        this.expectOp('(', 'after SLO');
        const s = this.peek();
        if (s.type !== 'string') this.fail('Expected a quoted objective name in SLO(...)');
        this.next();
        items.push({ name: s.value, at: s });
        this.expectOp(')', 'to close SLO(...)');
        if (this.isOp(',')) {
          this.next();
          continue;
        }
        break;
      }
    }
    this.expectOp('}', 'to close the SLO set');
    return { k: 'set', items, at };
  }

  private value(): Node {
    const c = this.or();
    if (!this.isOp('?')) return c;
    const at = this.next();
    const a = this.value();
    let b: Node | undefined;
    if (this.isOp(':')) {
      this.next();
      b = this.value();
    }
    return { k: 'ternary', c, a, b, at };
  }

  private or(): Node {
    let l = this.and();
    while (this.isKw('OR') || this.isOp('||')) {
      const at = this.next();
      l = { k: 'bin', op: 'OR', l, r: this.and(), at };
    }
    return l;
  }

  private and(): Node {
    let l = this.unary();
    while (this.isKw('AND') || this.isOp('&&')) {
      const at = this.next();
      l = { k: 'bin', op: 'AND', l, r: this.unary(), at };
    }
    return l;
  }

  private unary(): Node {
    if (this.isKw('NOT') || this.isOp('!')) {
      const at = this.next();
      return { k: 'not', e: this.unary(), at };
    }
    return this.cmp();
  }

  private cmp(): Node {
    const l = this.sum();
    const t = this.peek();
    if (t.type === 'op' && CMP.has(t.value)) {
      this.next();
      return { k: 'bin', op: t.value === '=' ? '==' : t.value, l, r: this.sum(), at: t };
    }
    return l;
  }

  private sum(): Node {
    let l = this.product();
    while (this.isOp('+') || this.isOp('-')) {
      const at = this.next();
      l = { k: 'bin', op: at.value, l, r: this.product(), at };
    }
    return l;
  }

  private product(): Node {
    let l = this.postfix();
    while (this.isOp('*') || this.isOp('/')) {
      const at = this.next();
      l = { k: 'bin', op: at.value, l, r: this.postfix(), at };
    }
    return l;
  }

  private postfix(): Node {
    let n = this.primary();
    for (;;) {
      if (this.isOp('.')) {
        const at = this.next();
        const id = this.peek();
        if (id.type !== 'ident') this.fail("Expected a member name after '.'");
        this.next();
        n = { k: 'member', obj: n, name: id.upper, at };
      } else if (this.isOp('[')) {
        const at = this.next();
        if (this.isOp('|')) this.next();
        const sel = this.value();
        this.expectOp(']', 'to close the selector');
        n = { k: 'index', obj: n, sel, at };
      } else return n;
    }
  }

  private primary(): Node {
    const t = this.peek();
    if (t.type === 'number') {
      this.next();
      return { k: 'num', v: Number(t.value), unit: t.unit, at: t };
    }
    if (t.type === 'string') {
      this.next();
      return { k: 'str', v: t.value, at: t };
    }
    if (t.type === 'ident') {
      if (['IF', 'THEN', 'ELSE', 'AND', 'OR'].includes(t.upper)) this.fail('Expected a value');
      this.next();
      if (this.isOp('(')) {
        this.next();
        const args: Node[] = [];
        if (!this.isOp(')')) {
          args.push(this.value());
          while (this.isOp(',')) {
            this.next();
            args.push(this.value());
          }
        }
        this.expectOp(')', `to close ${t.value}(...)`);
        return { k: 'call', name: t.upper, args, at: t };
      }
      return { k: 'id', name: t.upper, at: t };
    }
    if (this.isOp('(')) {
      this.next();
      const inner = this.value();
      this.expectOp(')', 'to close the parenthesis');
      return inner;
    }
    if (this.isOp('-')) {
      const at = this.next();
      return { k: 'neg', e: this.postfix(), at };
    }
    if (this.isOp('{')) return this.sloSet();
    this.fail('Expected a value');
  }
}

export function parseExpression(src: string): Node {
  if (!src.trim()) throw new ExpressionError('Empty expression', 1, 1);
  return new Parser(tokenize(src)).parseObjective();
}
