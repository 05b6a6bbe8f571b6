import { describe, expect, it } from 'vitest';
import type { TExpressionNode, TObjectiveAst } from './ast';
import { MAX_EXPRESSION_LENGTH, parseObjectiveExpression } from './parser';

function parse(text: string): TObjectiveAst {
  const result = parseObjectiveExpression(text);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.ast;
}

const clipMatch: TExpressionNode = {
  kind: 'call',
  name: 'FNMATCH',
  args: [{ kind: 'string', value: '*.clip' }, { kind: 'identifier', name: 'PATH' }],
};

describe('parseObjectiveExpression: statements', () => {
  it('parses the seed article objective, line break and all', () => {
    const text = 'IF FNMATCH("./hs-mount/project/*/flame/*.clip",PATH)\n\nTHEN {SLO(\'place-on-local-volumes\')}';
    expect(parse(text)).toEqual({
      kind: 'if',
      condition: {
        kind: 'call',
        name: 'FNMATCH',
        args: [{ kind: 'string', value: './hs-mount/project/*/flame/*.clip' }, { kind: 'identifier', name: 'PATH' }],
      },
      then: { kind: 'actions', objectives: ['place-on-local-volumes'] },
      otherwise: null,
    });
  });

  it('is case-insensitive for keywords, functions and identifiers', () => {
    expect(parse(`if fnmatch("*.clip",path) then {slo('place-on-local-volumes')}`)).toEqual(
      parse(`IF FNMATCH("*.clip",PATH) THEN {SLO('place-on-local-volumes')}`),
    );
  });

  it('parses ELSE with an action block, including the empty one', () => {
    expect(parse(`IF ${'FNMATCH("*.clip",PATH)'} THEN {SLO('a'), SLO("b")} ELSE {}`)).toEqual({
      kind: 'if',
      condition: clipMatch,
      then: { kind: 'actions', objectives: ['a', 'b'] },
      otherwise: { kind: 'actions', objectives: [] },
    });
  });

  it('chains ELSE IF to any depth', () => {
    const ast = parse(`IF IS_OPEN THEN {SLO('a')} ELSE IF IS_LIVE THEN {SLO('b')} ELSE IF TRUE THEN {} ELSE {SLO('c')}`);
    expect(ast).toMatchObject({
      kind: 'if',
      condition: { kind: 'identifier', name: 'IS_OPEN' },
      otherwise: {
        kind: 'if',
        condition: { kind: 'identifier', name: 'IS_LIVE' },
        otherwise: { kind: 'if', condition: { kind: 'boolean', value: true }, otherwise: { objectives: ['c'] } },
      },
    });
  });

  it('nests an IF after THEN, binding a bare ELSE to the nearest IF', () => {
    expect(parse(`IF IS_FILE THEN IF IS_OPEN THEN {SLO('a')} ELSE {SLO('b')}`)).toMatchObject({
      then: { kind: 'if', otherwise: { objectives: ['b'] } },
      otherwise: null,
    });
  });

  it('lets parentheses attach the ELSE to the outer IF', () => {
    expect(parse(`IF IS_FILE THEN (IF IS_OPEN THEN {SLO('a')}) ELSE {SLO('b')}`)).toMatchObject({
      then: { kind: 'if', otherwise: null },
      otherwise: { kind: 'actions', objectives: ['b'] },
    });
  });

  it('accepts a bare action block and a bare value (applicability) as a whole objective', () => {
    expect(parse(`{SLO('keep-online')}`)).toEqual({ kind: 'actions', objectives: ['keep-online'] });
    expect(parse('TRUE')).toEqual({ kind: 'boolean', value: true });
    expect(parse('IS_ONLINE')).toEqual({ kind: 'identifier', name: 'IS_ONLINE' });
  });

  it('accepts the objective names seen on real systems inside SLO', () => {
    for (const name of ['keep-online', 'durability-5-nines', 'Place-on-dsx11.df.hammer.space', 'place-on-Virus-Scanners']) {
      expect(parse(`IF TRUE THEN {SLO('${name}')}`)).toMatchObject({ then: { objectives: [name] } });
    }
  });

  it('takes the Ansible playbook forms from the reference', () => {
    expect(parse('IF FNMATCH("*/archive/*",PATH) THEN {SLO(\'place-on-object-volumes\')}').kind).toBe('if');
    expect(parse('IF LAST_USE_AGE > 7DAYS AND NOT IS_OPEN THEN {SLO(\'place-on-shared-object-volumes\')}').kind).toBe('if');
    expect(parse(`IF VIRUS_SCAN_STATE("threat") == VIRUS_SCAN_STATE("unscanned") THEN {SLO('deny-open')}`).kind).toBe('if');
  });

  it('ignores surrounding whitespace and tabs', () => {
    expect(parse(' \t\n IS_FILE \n\t ')).toEqual({ kind: 'identifier', name: 'IS_FILE' });
  });
});

describe('parseObjectiveExpression: limits and robustness', () => {
  it('accepts text right at the length limit and refuses one character more', () => {
    const padded = `IS_FILE${' '.repeat(MAX_EXPRESSION_LENGTH - 'IS_FILE'.length)}`;
    expect(parseObjectiveExpression(padded).ok).toBe(true);
    expect(parseObjectiveExpression(`${padded} `)).toEqual({
      ok: false,
      errors: [{ message: `the expression is ${MAX_EXPRESSION_LENGTH + 1} characters long; the limit is ${MAX_EXPRESSION_LENGTH}`, line: 1, column: 1 }],
    });
  });

  it('never throws, whatever it is given', () => {
    const inputs: unknown[] = [undefined, null, 42, {}, '((((', '}}}}', '\u0000', 'IF'.repeat(3000), '"'.repeat(999)];
    for (const input of inputs) {
      const result = parseObjectiveExpression(input as string);
      expect(result.ok).toBe(false);
    }
    expect(parseObjectiveExpression(42 as unknown as string)).toMatchObject({
      errors: [{ message: 'the expression must be text', line: 1, column: 1 }],
    });
  });
});
