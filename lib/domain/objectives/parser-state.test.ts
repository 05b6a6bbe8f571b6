import { describe, expect, it } from 'vitest';
import { parseObjectiveExpression } from './parser';
import { MAX_NESTING_DEPTH, ParserState, SyntaxFailure, positionOf } from './parser-state';
import { tokenize, type TToken } from './tokenizer';

function stateFor(text: string): ParserState {
  const result = tokenize(text);
  if (!result.ok) throw new Error(result.error.message);
  return new ParserState(result.tokens);
}

describe('ParserState', () => {
  it('walks the tokens and stays on eof once it gets there', () => {
    const s = stateFor('IF (');
    expect(s.isKeyword('IF')).toBe(true);
    expect(s.isPunct('(', 1)).toBe(true);
    expect(s.acceptPunct('(')).toBe(false);
    expect(s.acceptKeyword('IF')).toBe(true);
    expect(s.acceptPunct('(')).toBe(true);
    expect(s.next().kind).toBe('eof');
    expect(s.next().kind).toBe('eof');
    expect(s.peek(5).kind).toBe('eof');
  });

  it('fails with the expected token, the context and what was found', () => {
    const s = stateFor('IS_FILE ]');
    s.next();
    expect(() => s.expectPunct(')', 'to close the group')).toThrow(SyntaxFailure);
    try {
      s.expectPunct(')', 'to close the group');
    } catch (e) {
      expect((e as SyntaxFailure).error).toEqual({ message: 'expected ) to close the group, found ]', line: 1, column: 9, length: 1 });
    }
  });

  it('records reported problems without stopping', () => {
    const s = stateFor('A B');
    s.report(s.next(), 'first');
    s.report(s.next(), 'second');
    expect(s.problems).toEqual([
      { message: 'first', line: 1, column: 1, length: 1 },
      { message: 'second', line: 1, column: 3, length: 1 },
    ]);
  });

  it('refuses to nest deeper than the limit', () => {
    const s = stateFor('X');
    const at: TToken = s.peek();
    for (let i = 0; i < MAX_NESTING_DEPTH; i++) s.enter(at);
    expect(() => s.enter(at)).toThrow(`expression nests deeper than ${MAX_NESTING_DEPTH} levels`);
  });

  it('gives eof a one-character span so an editor can still underline it', () => {
    const s = stateFor('A');
    s.next();
    expect(positionOf(s.peek())).toEqual({ line: 1, column: 2, length: 1 });
  });
});

describe('nesting limits through the parser', () => {
  const errorOf = (text: string) => {
    const result = parseObjectiveExpression(text);
    return result.ok ? undefined : result.errors[0];
  };

  it('accepts reasonable nesting', () => {
    expect(parseObjectiveExpression(`${'('.repeat(20)}IS_FILE${')'.repeat(20)}`).ok).toBe(true);
    expect(parseObjectiveExpression(`${'NOT '.repeat(20)}IS_FILE`).ok).toBe(true);
  });

  it('reports deep parentheses, NOT chains, selectors and ELSE IF chains at the token that goes too deep', () => {
    expect(errorOf(`${'('.repeat(200)}IS_FILE${')'.repeat(200)}`)).toMatchObject({
      message: `expression nests deeper than ${MAX_NESTING_DEPTH} levels`, line: 1,
    });
    expect(errorOf(`${'NOT '.repeat(500)}IS_FILE`)?.message).toContain('nests deeper');
    expect(errorOf(`${'-'.repeat(500)}1`)?.message).toContain('nests deeper');
    expect(errorOf(`INSTANCES${'[ROW'.repeat(100)}${']'.repeat(100)}`)?.message).toContain('nests deeper');
    expect(errorOf(`${'IF IS_FILE THEN {} ELSE '.repeat(200)}{}`)?.message).toContain('nests deeper');
  });

  it('survives input built to exhaust the stack, within the length cap', () => {
    expect(errorOf('('.repeat(8000))?.message).toContain('nests deeper');
    expect(errorOf('HAS_LABEL('.repeat(800))?.message).toContain('nests deeper');
  });
});
