import type { TBinaryOperator, TComparisonOperator, TExpressionNode } from './ast';
import type { ParserState } from './parser-state';
import { describeToken, type TToken } from './tokenizer';
import {
  PATH_SUBJECTS,
  functionSpec,
  isKnownIdentifier,
  suggestFunction,
  suggestIdentifier,
} from './vocabulary';

// The value layer of the language, by precedence, loosest first:
//   ternary  := or [ "?" or [ ":" ternary ] ]
//   or       := and { (OR | "||") and }
//   and      := not { (AND | "&&") not }
//   not      := (NOT | "!") not | compare
//   compare  := sum [ compare-op sum ]           -- not chainable
//   sum      := product { ("+" | "-") product }
//   product  := prefix { ("*" | "/") prefix }
//   prefix   := "-" prefix | postfix
//   postfix  := primary { "." name | "[" ["|"] ternary "]" }
// AND binding tighter than OR is the usual convention; the notes list them at one level, which is
// why the formatter always parenthesises a mix of the two, so its output reads the same either way.

const COMPARISONS: readonly TComparisonOperator[] = ['==', '=', '!=', '<', '>', '<=', '>='];

const at = (t: TToken): string => `line ${t.line}, column ${t.column}`;

export function parseExpression(s: ParserState): TExpressionNode {
  s.enter(s.peek());
  const test = parseOr(s);
  if (!s.acceptPunct('?')) {
    s.leave();
    return test;
  }
  const consequent = parseOr(s);
  const alternate = s.acceptPunct(':') ? parseExpression(s) : null;
  s.leave();
  return { kind: 'conditional', test, consequent, alternate };
}

function parseOr(s: ParserState): TExpressionNode {
  let left = parseAnd(s);
  while (s.isKeyword('OR') || s.isPunct('||')) {
    s.next();
    left = binary('OR', left, parseAnd(s));
  }
  return left;
}

function parseAnd(s: ParserState): TExpressionNode {
  let left = parseNot(s);
  while (s.isKeyword('AND') || s.isPunct('&&')) {
    s.next();
    left = binary('AND', left, parseNot(s));
  }
  return left;
}

function parseNot(s: ParserState): TExpressionNode {
  if (!s.isKeyword('NOT') && !s.isPunct('!')) return parseComparison(s);
  s.enter(s.next());
  const operand = parseNot(s);
  s.leave();
  return { kind: 'unary', op: 'NOT', operand };
}

function comparisonAt(s: ParserState): TComparisonOperator | undefined {
  const t = s.peek();
  return t.kind === 'punct' ? COMPARISONS.find((op) => op === t.value) : undefined;
}

function parseComparison(s: ParserState): TExpressionNode {
  const left = parseSum(s);
  const op = comparisonAt(s);
  if (op === undefined) return left;
  s.next();
  const node = binary(op, left, parseSum(s));
  if (comparisonAt(s) !== undefined) {
    s.fail(s.peek(), 'comparisons cannot be chained: join them with AND');
  }
  return node;
}

function parseSum(s: ParserState): TExpressionNode {
  let left = parseProduct(s);
  while (s.isPunct('+') || s.isPunct('-')) {
    const op = s.next().value as '+' | '-';
    left = binary(op, left, parseProduct(s));
  }
  return left;
}

function parseProduct(s: ParserState): TExpressionNode {
  let left = parsePrefix(s);
  while (s.isPunct('*') || s.isPunct('/')) {
    const op = s.next().value as '*' | '/';
    left = binary(op, left, parsePrefix(s));
  }
  return left;
}

function parsePrefix(s: ParserState): TExpressionNode {
  if (!s.isPunct('-')) return parsePostfix(s);
  s.enter(s.next());
  const operand = parsePrefix(s);
  s.leave();
  return { kind: 'unary', op: '-', operand };
}

function parsePostfix(s: ParserState): TExpressionNode {
  let node = parsePrimary(s);
  for (;;) {
    if (s.acceptPunct('.')) {
      const name = s.peek();
      if (name.kind !== 'identifier' && name.kind !== 'keyword') {
        s.fail(name, `expected a name after ., found ${describeToken(name)}`);
      }
      node = { kind: 'member', object: node, member: s.next().raw };
    } else if (s.isPunct('[')) {
      const open = s.next();
      s.enter(open);
      const filter = s.acceptPunct('|');
      s.selectorDepth += 1;
      const selector = parseExpression(s);
      s.selectorDepth -= 1;
      s.expectPunct(']', `to close the [ at ${at(open)}`);
      s.leave();
      node = { kind: 'index', object: node, filter, selector };
    } else {
      return node;
    }
  }
}

function parsePrimary(s: ParserState): TExpressionNode {
  const t = s.peek();
  if (t.kind === 'number') {
    s.next();
    return { kind: 'number', text: t.value, value: Number(t.value), unit: t.unit };
  }
  if (t.kind === 'string') {
    s.next();
    return { kind: 'string', value: t.value };
  }
  if (t.kind === 'keyword' && (t.value === 'TRUE' || t.value === 'FALSE')) {
    s.next();
    return { kind: 'boolean', value: t.value === 'TRUE' };
  }
  if (t.kind === 'identifier') {
    return s.isPunct('(', 1) ? parseCall(s) : parseIdentifier(s);
  }
  if (s.isPunct('(')) {
    s.enter(s.next());
    const inner = parseExpression(s);
    s.expectPunct(')', `to close the ( at ${at(t)}`);
    s.leave();
    return inner;
  }
  if (s.isKeyword('IF')) {
    s.fail(t, 'IF can only start the objective or follow THEN or ELSE');
  }
  if (s.isPunct('{')) {
    s.fail(t, 'an action block { ... } can only follow THEN or ELSE');
  }
  return s.fail(t, `expected a value, found ${describeToken(t)}`);
}

function parseIdentifier(s: ParserState): TExpressionNode {
  const t = s.next();
  // Inside a selector, bare words are columns of the table being filtered (NAME, SITE_NAME, ROW).
  if (s.selectorDepth === 0 && !isKnownIdentifier(t.value)) {
    if (functionSpec(t.value) !== undefined) {
      s.report(t, `${t.value} is a function: call it as ${t.value}(...)`);
    } else {
      s.report(t, `unknown identifier ${t.raw}${didYouMean(suggestIdentifier(t.value))}`);
    }
  }
  return { kind: 'identifier', name: t.value };
}

function parseCall(s: ParserState): TExpressionNode {
  const name = s.next();
  const open = s.next();
  s.enter(open);
  const args: TExpressionNode[] = [];
  if (!s.isPunct(')')) {
    do args.push(parseExpression(s));
    while (s.acceptPunct(','));
  }
  s.expectPunct(')', `to close the argument list of ${name.raw} opened at ${at(open)}`);
  s.leave();
  checkCall(s, name, args);
  return { kind: 'call', name: name.value, args };
}

function checkCall(s: ParserState, name: TToken, args: readonly TExpressionNode[]): void {
  const spec = functionSpec(name.value);
  if (spec === undefined) {
    const message = isKnownIdentifier(name.value)
      ? `${name.value} is not a function`
      : `unknown function ${name.raw}${didYouMean(suggestFunction(name.value))}`;
    s.report(name, message);
    return;
  }
  if (name.value === 'SLO') {
    s.report(name, "SLO(...) belongs in an action block after THEN or ELSE, as {SLO('name')}");
    return;
  }
  if (args.length < spec.minArgs || args.length > spec.maxArgs) {
    s.report(name, `${name.value} takes ${arity(spec.minArgs, spec.maxArgs)}, got ${args.length}`);
    return;
  }
  const [first, second] = args;
  if (name.value === 'FNMATCH' && first?.kind === 'identifier' && second?.kind === 'string'
      && PATH_SUBJECTS.includes(first.name)) {
    s.report(name, `FNMATCH takes the pattern first: FNMATCH("${second.value}",${first.name})`);
  }
}

function arity(min: number, max: number): string {
  if (max === 0) return 'no arguments';
  if (min === max) return `${min} argument${min === 1 ? '' : 's'}`;
  return `${min} to ${max} arguments`;
}

const didYouMean = (hint: string | undefined): string => (hint === undefined ? '' : ` (did you mean ${hint}?)`);

const binary = (op: TBinaryOperator, left: TExpressionNode, right: TExpressionNode): TExpressionNode => ({
  kind: 'binary',
  op,
  left,
  right,
});
