import { describe, expect, it } from 'vitest';
import type { TExpressionNode } from './ast';
import { parseObjectiveExpression } from './parser';

function parse(text: string): TExpressionNode {
  const result = parseObjectiveExpression(text);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  if (result.ast.kind === 'if' || result.ast.kind === 'actions') throw new Error('expected a value');
  return result.ast;
}

const id = (name: string): TExpressionNode => ({ kind: 'identifier', name });
const num = (text: string, unit: string | null = null): TExpressionNode => ({ kind: 'number', text, value: Number(text), unit });

describe('literals and words', () => {
  it('reads numbers, units, strings and booleans', () => {
    expect(parse('42')).toEqual(num('42'));
    expect(parse('1.250')).toEqual(num('1.25'));
    expect(parse('10KBYTES')).toEqual(num('10', 'KBYTES'));
    expect(parse('"x"')).toEqual({ kind: 'string', value: 'x' });
    expect(parse("'it\"s'")).toEqual({ kind: 'string', value: 'it"s' });
    expect(parse('false')).toEqual({ kind: 'boolean', value: false });
  });

  it('reads calls with zero, one and several arguments', () => {
    expect(parse('ROWS()')).toEqual({ kind: 'call', name: 'ROWS', args: [] });
    expect(parse('has_label("hero")')).toEqual({ kind: 'call', name: 'HAS_LABEL', args: [{ kind: 'string', value: 'hero' }] });
    expect(parse('IFERROR(SIZE, 0)')).toEqual({ kind: 'call', name: 'IFERROR', args: [id('SIZE'), num('0')] });
  });

  it('reads member access and both selector forms', () => {
    expect(parse('THIS.PARTICIPANTS')).toEqual({ kind: 'member', object: id('THIS'), member: 'PARTICIPANTS' });
    expect(parse('ATTRIBUTES.shotName')).toEqual({ kind: 'member', object: id('ATTRIBUTES'), member: 'shotName' });
    expect(parse('INSTANCES[ROW].VOLUME')).toEqual({
      kind: 'member',
      object: { kind: 'index', object: id('INSTANCES'), filter: false, selector: id('ROW') },
      member: 'VOLUME',
    });
    expect(parse('VOLUME_GROUPS[|NAME="x"].NUMBER_UP')).toEqual({
      kind: 'member',
      object: {
        kind: 'index',
        object: id('VOLUME_GROUPS'),
        filter: true,
        selector: { kind: 'binary', op: '=', left: id('NAME'), right: { kind: 'string', value: 'x' } },
      },
      member: 'NUMBER_UP',
    });
  });

  it('accepts table columns inside selectors without checking them against file identifiers', () => {
    expect(parse('THIS.PARTICIPANTS[|SITE_NAME == "us-west-2"]')).toMatchObject({ kind: 'index', filter: true });
  });
});

describe('operators', () => {
  it('maps symbolic boolean operators to their keywords', () => {
    expect(parse('IS_FILE && !IS_OPEN || IS_LIVE')).toEqual(parse('IS_FILE AND NOT IS_OPEN OR IS_LIVE'));
  });

  it('binds AND tighter than OR, and both left to right', () => {
    expect(parse('IS_FILE OR IS_OPEN AND IS_LIVE')).toEqual({
      kind: 'binary', op: 'OR', left: id('IS_FILE'),
      right: { kind: 'binary', op: 'AND', left: id('IS_OPEN'), right: id('IS_LIVE') },
    });
    expect(parse('IS_FILE OR IS_OPEN OR IS_LIVE')).toMatchObject({ op: 'OR', left: { op: 'OR' }, right: id('IS_LIVE') });
  });

  it('lets NOT cover a whole comparison, as in the reference grammar', () => {
    expect(parse('NOT SIZE > 5')).toEqual({
      kind: 'unary', op: 'NOT', operand: { kind: 'binary', op: '>', left: id('SIZE'), right: num('5') },
    });
    expect(parse('NOT NOT IS_FILE')).toEqual({ kind: 'unary', op: 'NOT', operand: { kind: 'unary', op: 'NOT', operand: id('IS_FILE') } });
  });

  it('reads every comparison operator', () => {
    for (const op of ['==', '=', '!=', '<', '>', '<=', '>=']) {
      expect(parse(`VERSION ${op} 2`)).toEqual({ kind: 'binary', op, left: id('VERSION'), right: num('2') });
    }
  });

  it('follows arithmetic precedence, including unit products and unary minus', () => {
    expect(parse('LAST_USE_AGE > 3*HOURS + 1HOUR')).toEqual({
      kind: 'binary', op: '>', left: id('LAST_USE_AGE'),
      right: {
        kind: 'binary', op: '+',
        left: { kind: 'binary', op: '*', left: num('3'), right: id('HOURS') },
        right: num('1', 'HOUR'),
      },
    });
    expect(parse('10 - 4 - 3')).toMatchObject({ op: '-', left: { op: '-' }, right: num('3') });
    expect(parse('-SIZE / 2')).toEqual({
      kind: 'binary', op: '/', left: { kind: 'unary', op: '-', operand: id('SIZE') }, right: num('2'),
    });
  });

  it('uses parentheses only for grouping', () => {
    expect(parse('(IS_FILE OR IS_OPEN) AND IS_LIVE')).toMatchObject({ op: 'AND', left: { op: 'OR' } });
    expect(parse('((IS_FILE))')).toEqual(id('IS_FILE'));
  });

  it('reads the ternary with and without an alternative, right-associative', () => {
    expect(parse('IS_FILE and errors!=0 ? dump_inode')).toEqual({
      kind: 'conditional',
      test: { kind: 'binary', op: 'AND', left: id('IS_FILE'), right: { kind: 'binary', op: '!=', left: id('ERRORS'), right: num('0') } },
      consequent: id('DUMP_INODE'),
      alternate: null,
    });
    expect(parse('IS_FILE ? 1 : IS_OPEN ? 2 : 3')).toMatchObject({
      consequent: num('1'), alternate: { kind: 'conditional', consequent: num('2'), alternate: num('3') },
    });
  });
});
