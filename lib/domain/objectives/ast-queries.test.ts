import { describe, expect, it } from 'vitest';
import type { TObjectiveAst } from './ast';
import { expressionNodes, listFnmatchPatterns, listSloObjectives } from './ast-queries';
import { parseObjectiveExpression } from './parser';

function parse(text: string): TObjectiveAst {
  const result = parseObjectiveExpression(text);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.ast;
}

describe('listFnmatchPatterns', () => {
  it('finds the pattern of the preset objective with its subject', () => {
    expect(listFnmatchPatterns(parse(`IF FNMATCH("*.clip",PATH) THEN {SLO('place-on-local-volumes')}`))).toEqual([
      { pattern: '*.clip', subject: 'PATH' },
    ]);
  });

  it('keeps backslashes and quotes of the pattern exactly as written', () => {
    expect(listFnmatchPatterns(parse(String.raw`FNMATCH("*\[v1\].clip",NAME)`))).toEqual([
      { pattern: String.raw`*\[v1\].clip`, subject: 'NAME' },
    ]);
    expect(listFnmatchPatterns(parse(`FNMATCH('*"quoted"*',DPATH)`))).toEqual([{ pattern: '*"quoted"*', subject: 'DPATH' }]);
  });

  it('collects patterns from every branch and operand, in source order', () => {
    const ast = parse([
      'IF FNMATCH("*.clip",PATH) OR NOT FNMATCH("*/tmp/*",DPATH)',
      "THEN {SLO('a')}",
      'ELSE IF IFERROR(FNMATCH("*.batch",NAME), FALSE) THEN {}',
      'ELSE IF (IS_FILE ? FNMATCH("*.exr",PATH) : FALSE) THEN {}',
    ].join('\n'));
    expect(listFnmatchPatterns(ast)).toEqual([
      { pattern: '*.clip', subject: 'PATH' },
      { pattern: '*/tmp/*', subject: 'DPATH' },
      { pattern: '*.batch', subject: 'NAME' },
      { pattern: '*.exr', subject: 'PATH' },
    ]);
  });

  it('describes a computed subject by its canonical text and skips computed patterns', () => {
    expect(listFnmatchPatterns(parse('FNMATCH("*.clip",GET_ATTRIBUTE("source"))'))).toEqual([
      { pattern: '*.clip', subject: 'GET_ATTRIBUTE("source")' },
    ]);
    expect(listFnmatchPatterns(parse('FNMATCH(GET_TAG("glob"),PATH)'))).toEqual([]);
  });

  it('returns nothing for objectives without FNMATCH', () => {
    expect(listFnmatchPatterns(parse(`{SLO('keep-online')}`))).toEqual([]);
    expect(listFnmatchPatterns(parse('IS_ONLINE'))).toEqual([]);
  });
});

describe('listSloObjectives', () => {
  it('lists every objective once, in first-seen order, across nested branches', () => {
    const ast = parse(
      "IF IS_OPEN THEN {SLO('keep-online'),SLO('a')} ELSE IF IS_LIVE THEN (IF IS_FILE THEN {SLO('b'),SLO('a')}) ELSE {SLO('keep-online')}",
    );
    expect(listSloObjectives(ast)).toEqual(['keep-online', 'a', 'b']);
  });

  it('handles a bare action block and a plain value', () => {
    expect(listSloObjectives(parse(`{SLO('x'),SLO('y')}`))).toEqual(['x', 'y']);
    expect(listSloObjectives(parse('TRUE'))).toEqual([]);
  });
});

describe('expressionNodes', () => {
  it('visits conditions, operands, arguments, members and selectors, parents first', () => {
    const kinds = [...expressionNodes(parse('IF -SIZE > 1 AND VOLUME_GROUPS[|NAME="x"].NUMBER_UP == 2 THEN {}'))].map((n) => n.kind);
    expect(kinds).toEqual([
      'binary', 'binary', 'unary', 'identifier', 'number',
      'binary', 'member', 'index', 'identifier', 'binary', 'identifier', 'string', 'number',
    ]);
  });

  it('visits nothing inside a pure action block', () => {
    expect([...expressionNodes(parse(`{SLO('a')}`))]).toEqual([]);
  });
});
