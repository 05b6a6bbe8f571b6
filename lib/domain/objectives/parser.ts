import type {
  TActionBlockNode,
  TBranchNode,
  TIfNode,
  TObjectiveAst,
  TObjectiveParseError,
  TObjectiveParseResult,
} from './ast';
import { validateObjectiveName } from './objective-name';
import { parseExpression } from './parse-expression';
import { ParserState, SyntaxFailure } from './parser-state';
import { describeToken, tokenize, type TToken } from './tokenizer';

// The statement layer (hammerspace-api.md §2.2, inferred from examples):
//   objective := if | action-block | ternary
//   if        := IF ternary THEN branch [ ELSE branch ]
//   branch    := action-block | if | "(" if ")"
//   action-block := "{" [ SLO "(" string ")" { "," SLO "(" string ")" } ] "}"
// A nested IF after THEN may be parenthesised, so an ELSE can be attached to the outer IF
// (otherwise ELSE binds to the nearest IF, as in most languages).

/** Longest text accepted. Real objectives are one or two lines; the cap keeps work bounded. */
export const MAX_EXPRESSION_LENGTH = 8192;

/**
 * Parses objective text. Never throws: every problem comes back as an error with a 1-based
 * line and column, sorted by position.
 */
export function parseObjectiveExpression(text: string): TObjectiveParseResult {
  try {
    return parseChecked(text);
  } catch (e) {
    // Only a bug could land here; the caller still gets a result rather than a crash.
    const detail = e instanceof Error ? e.message : String(e);
    return failure([{ message: `internal parser error: ${detail}`, line: 1, column: 1 }]);
  }
}

function parseChecked(text: unknown): TObjectiveParseResult {
  if (typeof text !== 'string') return failure([{ message: 'the expression must be text', line: 1, column: 1 }]);
  if (text.length > MAX_EXPRESSION_LENGTH) {
    const message = `the expression is ${text.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}`;
    return failure([{ message, line: 1, column: 1 }]);
  }
  if (text.trim() === '') return failure([{ message: 'the expression is empty', line: 1, column: 1 }]);
  const lexed = tokenize(text);
  if (!lexed.ok) return failure([lexed.error]);

  const state = new ParserState(lexed.tokens);
  try {
    const ast = parseObjective(state);
    return state.problems.length === 0 ? { ok: true, ast } : failure(state.problems);
  } catch (e) {
    if (e instanceof SyntaxFailure) return failure([...state.problems, e.error]);
    throw e;
  }
}

function failure(errors: readonly TObjectiveParseError[]): TObjectiveParseResult {
  const sorted = [...errors].sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, errors: sorted };
}

function parseObjective(s: ParserState): TObjectiveAst {
  let ast: TObjectiveAst;
  if (s.isKeyword('IF')) ast = parseIf(s);
  else if (s.isPunct('{')) ast = parseActionBlock(s);
  else ast = parseExpression(s);

  const rest = s.peek();
  if (rest.kind === 'eof') return ast;
  if (rest.kind === 'keyword' && rest.value === 'THEN' && ast.kind !== 'if') {
    return s.fail(rest, 'THEN without IF: start the objective with IF');
  }
  if (rest.kind === 'keyword' && rest.value === 'ELSE') {
    const message = ast.kind === 'if' ? 'unexpected ELSE: this IF already has its ELSE' : 'ELSE without IF ... THEN';
    return s.fail(rest, message);
  }
  return s.fail(rest, `unexpected ${describeToken(rest)} after the end of the expression`);
}

function parseIf(s: ParserState): TIfNode {
  s.enter(s.next());
  const condition = parseExpression(s);
  if (!s.acceptKeyword('THEN')) {
    s.fail(s.peek(), `expected THEN after the IF condition, found ${describeToken(s.peek())}`);
  }
  const then = parseBranch(s, 'THEN');
  const otherwise = s.acceptKeyword('ELSE') ? parseBranch(s, 'ELSE') : null;
  s.leave();
  return { kind: 'if', condition, then, otherwise };
}

function parseBranch(s: ParserState, after: 'THEN' | 'ELSE'): TBranchNode {
  if (s.isPunct('{')) return parseActionBlock(s);
  if (s.isKeyword('IF')) return parseIf(s);
  if (s.isPunct('(') && s.isKeyword('IF', 1)) {
    const open = s.next();
    const inner = parseIf(s);
    s.expectPunct(')', `to close the ( at line ${open.line}, column ${open.column}`);
    return inner;
  }
  const t = s.peek();
  if (t.kind === 'identifier' && t.value === 'SLO') {
    return s.fail(t, `expected { after ${after}: wrap objectives in braces, as {SLO('name')}`);
  }
  return s.fail(t, `expected { or IF after ${after}, found ${describeToken(t)}`);
}

function parseActionBlock(s: ParserState): TActionBlockNode {
  const open = s.next();
  const objectives: string[] = [];
  if (s.acceptPunct('}')) return { kind: 'actions', objectives };
  for (;;) {
    objectives.push(parseSlo(s).value);
    if (s.acceptPunct('}')) return { kind: 'actions', objectives };
    if (!s.acceptPunct(',')) {
      const t = s.peek();
      const where = `line ${open.line}, column ${open.column}`;
      return t.kind === 'eof'
        ? s.fail(t, `expected } to close the action block opened at ${where}, found end of expression`)
        : s.fail(t, `expected , or } in the action block, found ${describeToken(t)}`);
    }
  }
}

/** Reads `SLO('name')` and returns the name's token (for positions in later checks). */
function parseSlo(s: ParserState): TToken {
  const slo = s.peek();
  if (slo.kind !== 'identifier' || slo.value !== 'SLO' || !s.isPunct('(', 1)) {
    return s.fail(slo, `expected SLO('objective-name') in the action block, found ${describeToken(slo)}`);
  }
  s.next();
  s.next();
  const name = s.peek();
  if (name.kind !== 'string') {
    return s.fail(name, "SLO takes an objective name in quotes, as SLO('place-on-local-volumes')");
  }
  s.next();
  const check = validateObjectiveName(name.value);
  if (!check.ok) s.report(name, `invalid objective name in SLO: ${check.message}`);
  s.expectPunct(')', 'after the objective name in SLO(...)');
  return name;
}
