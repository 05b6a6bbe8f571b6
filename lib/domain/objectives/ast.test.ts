import { describe, expect, it } from 'vitest';
import { ZObjectiveParseError, type TObjectiveAst } from './ast';
import { parseObjectiveExpression } from './parser';

function parse(text: string): TObjectiveAst {
  const result = parseObjectiveExpression(text);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.ast;
}

describe('the AST', () => {
  it('carries no positions, so texts that mean the same thing give equal trees', () => {
    const variants = [
      `IF FNMATCH("*.clip",PATH) && !IS_OPEN THEN {SLO('a')}`,
      `if fnmatch('*.clip', path) and not is_open\n  then { slo("a") }`,
      `IF (FNMATCH("*.clip",PATH)) AND (NOT (IS_OPEN)) THEN {SLO('a')}`,
    ];
    const [first, ...rest] = variants.map(parse);
    for (const ast of rest) expect(ast).toEqual(first);
    expect(JSON.stringify(first)).not.toMatch(/line|column|offset/);
  });

  it('is plain data that survives a JSON round trip (for storage and the browser)', () => {
    const ast = parse(`IF VOLUME_GROUPS[|NAME="x"].NUMBER_UP >= 2 ? TRUE : FALSE THEN {} ELSE {SLO('b')}`);
    expect(JSON.parse(JSON.stringify(ast))).toEqual(ast);
  });

  it('keeps a number both as normalised text and as a value, with its unit', () => {
    expect(parse('007.50KB')).toEqual({ kind: 'number', text: '7.5', value: 7.5, unit: 'KB' });
    expect(parse('12345678901234567890')).toMatchObject({ text: '12345678901234567890' });
  });

  it('upper-cases identifiers and function names but keeps member spelling', () => {
    expect(parse('attributes.ShotName')).toEqual({
      kind: 'member', object: { kind: 'identifier', name: 'ATTRIBUTES' }, member: 'ShotName',
    });
    expect(parse('storage_volume("vol1")')).toMatchObject({ kind: 'call', name: 'STORAGE_VOLUME' });
  });

  it('keeps = and == apart, since = also assigns in hstk commands', () => {
    expect(parse('VERSION = 2')).toMatchObject({ op: '=' });
    expect(parse('VERSION == 2')).toMatchObject({ op: '==' });
  });
});

describe('ZObjectiveParseError', () => {
  it('accepts every error the parser produces', () => {
    const texts = ['', 'IF', 'IF X THEN', '"open', 'FNMACH()', '1 < 2 < 3', 'IF TRUE THEN {SLO(\'a b\')}', '\u00a7'];
    for (const text of texts) {
      const result = parseObjectiveExpression(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) for (const error of result.errors) expect(ZObjectiveParseError.parse(error)).toEqual(error);
    }
  });

  it('rejects positions that are not 1-based', () => {
    expect(ZObjectiveParseError.safeParse({ message: 'x', line: 0, column: 1 }).success).toBe(false);
    expect(ZObjectiveParseError.safeParse({ message: 'x', line: 1, column: 1, length: 0 }).success).toBe(false);
    expect(ZObjectiveParseError.safeParse({ message: 'x', line: 1, column: 1 }).success).toBe(true);
  });
});
