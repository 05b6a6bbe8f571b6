import { describe, expect, it } from 'vitest';
import type { TBranchNode, TExpressionNode, TIfNode, TObjectiveAst } from './ast';
import { formatObjectiveExpression } from './format';
import { parseObjectiveExpression } from './parser';

function parse(text: string): TObjectiveAst {
  const result = parseObjectiveExpression(text);
  if (!result.ok) throw new Error(`unexpected errors in ${text}: ${JSON.stringify(result.errors)}`);
  return result.ast;
}

const canonical = (text: string): string => formatObjectiveExpression(parse(text));

describe('formatObjectiveExpression: canonical text', () => {
  it('keeps the reference spelling of the preset objective', () => {
    const text = `IF FNMATCH("*.clip",PATH) THEN {SLO('place-on-local-volumes')}`;
    expect(canonical(text)).toBe(text);
    expect(canonical(`if   fnmatch( '*.clip' , path )\n then { slo("place-on-local-volumes") }`)).toBe(text);
  });

  it('spells operators as words and normalises numbers and units', () => {
    expect(canonical('!is_file && size>=010.50kb || is_open')).toBe('(NOT IS_FILE AND SIZE >= 10.5KB) OR IS_OPEN');
    expect(canonical('last_use_age > 3*hours')).toBe('LAST_USE_AGE > 3 * HOURS');
  });

  it('drops redundant parentheses and keeps the needed ones', () => {
    expect(canonical('((IS_FILE)) AND ((IS_OPEN))')).toBe('IS_FILE AND IS_OPEN');
    expect(canonical('(SIZE + 1) * 2 - (3 - 4)')).toBe('(SIZE + 1) * 2 - (3 - 4)');
    expect(canonical('IS_FILE OR (IS_OPEN OR IS_LIVE)')).toBe('IS_FILE OR (IS_OPEN OR IS_LIVE)');
    expect(canonical('(IS_FILE OR IS_OPEN) OR IS_LIVE')).toBe('IS_FILE OR IS_OPEN OR IS_LIVE');
    expect(canonical('-(-SIZE)')).toBe('-(-SIZE)');
    expect(canonical('(1 < 2) == TRUE')).toBe('(1 < 2) == TRUE');
  });

  it('parenthesises mixed AND/OR and the operand of NOT for the reader', () => {
    expect(canonical('IS_FILE OR IS_OPEN AND IS_LIVE')).toBe('IS_FILE OR (IS_OPEN AND IS_LIVE)');
    expect(canonical('NOT SIZE > 5')).toBe('NOT (SIZE > 5)');
    expect(canonical('NOT NOT IS_FILE')).toBe('NOT NOT IS_FILE');
  });

  it('prints selectors, members, calls, strings and the ternary', () => {
    expect(canonical(`volume_groups[|name='x'].NUMBER_UP`)).toBe('VOLUME_GROUPS[|NAME = "x"].NUMBER_UP');
    expect(canonical(`HAS_LABEL('say "hi"')`)).toBe(`HAS_LABEL('say "hi"')`);
    expect(canonical('IS_FILE ? (IS_OPEN ? 1 : 2) : 3')).toBe('IS_FILE ? (IS_OPEN ? 1 : 2) : 3');
    expect(canonical('ROWS()')).toBe('ROWS()');
  });

  it('parenthesises an IF nested after THEN, never one after ELSE', () => {
    expect(canonical("IF IS_FILE THEN IF IS_OPEN THEN {SLO('a')} ELSE {}")).toBe(
      "IF IS_FILE THEN (IF IS_OPEN THEN {SLO('a')} ELSE {})",
    );
    expect(canonical("IF IS_FILE THEN {} ELSE IF IS_OPEN THEN {SLO('a'),SLO('b')}")).toBe(
      "IF IS_FILE THEN {} ELSE IF IS_OPEN THEN {SLO('a'),SLO('b')}",
    );
  });

  it('lays out THEN and ELSE on their own lines in multi-line mode', () => {
    const ast = parse("IF IS_FILE THEN (IF IS_OPEN THEN {SLO('a')}) ELSE IF IS_LIVE THEN {} ELSE {SLO('b')}");
    expect(formatObjectiveExpression(ast, { layout: 'multi-line' })).toBe(
      ['IF IS_FILE', 'THEN (', '  IF IS_OPEN', "  THEN {SLO('a')}", ')', 'ELSE IF IS_LIVE', 'THEN {}', "ELSE {SLO('b')}"].join('\n'),
    );
    expect(parse(formatObjectiveExpression(ast, { layout: 'multi-line' }))).toEqual(ast);
  });
});

// A small seeded generator (mulberry32) builds valid trees of every node kind, so the round trip
// is checked on shapes nobody thought to write by hand. Fixed seeds keep the test deterministic.
function generator(seed: number) {
  let state = seed;
  const random = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const leaf = (): TExpressionNode => pick<() => TExpressionNode>([
    () => ({ kind: 'identifier', name: pick(['PATH', 'SIZE', 'IS_FILE', 'HOURS', 'NOW']) }),
    () => ({ kind: 'string', value: pick(['*.clip', 'say "hi"', "it's", '']) }),
    () => {
      const text = pick(['0', '7', '42', '1.5', '0.25']);
      return { kind: 'number', text, value: Number(text), unit: pick([null, 'DAYS', 'KB']) };
    },
    () => ({ kind: 'boolean', value: random() < 0.5 }),
  ])();
  const expr = (depth: number): TExpressionNode => {
    if (depth === 0 || random() < 0.2) return leaf();
    const sub = () => expr(depth - 1);
    return pick<() => TExpressionNode>([
      () => ({ kind: 'binary', op: pick(['AND', 'OR', '==', '=', '!=', '<', '>=', '+', '-', '*', '/'] as const), left: sub(), right: sub() }),
      () => ({ kind: 'unary', op: pick(['NOT', '-'] as const), operand: sub() }),
      () => ({ kind: 'conditional', test: sub(), consequent: sub(), alternate: random() < 0.5 ? null : sub() }),
      () => ({ kind: 'member', object: sub(), member: pick(['NUMBER_UP', 'shotName']) }),
      () => ({ kind: 'index', object: sub(), filter: random() < 0.5, selector: sub() }),
      () => ({ kind: 'call', name: 'FNMATCH', args: [{ kind: 'string', value: '*/flame/*' }, { kind: 'identifier', name: 'PATH' }] }),
      () => ({ kind: 'call', name: 'IFERROR', args: [sub(), sub()] }),
    ])();
  };
  const branch = (depth: number): TBranchNode =>
    depth > 0 && random() < 0.4 ? ifNode(depth - 1) : { kind: 'actions', objectives: pick([[], ['a'], ['keep-online', 'x.y_z']]) };
  const ifNode = (depth: number): TIfNode => ({
    kind: 'if', condition: expr(3), then: branch(depth), otherwise: random() < 0.4 ? null : branch(depth),
  });
  return { objective: (): TObjectiveAst => (random() < 0.7 ? ifNode(2) : expr(4)) };
}

describe('formatObjectiveExpression: round trips', () => {
  it('parse(format(ast)) equals ast for generated trees, in both layouts', () => {
    const { objective } = generator(20260406);
    for (let i = 0; i < 400; i++) {
      const ast = objective();
      const single = formatObjectiveExpression(ast);
      expect(parse(single), single).toEqual(ast);
      expect(parse(formatObjectiveExpression(ast, { layout: 'multi-line' })), single).toEqual(ast);
    }
  });

  it('parse(format(parse(x))) equals parse(x) for hand-written texts', () => {
    const texts = [
      `IF FNMATCH("./hs-mount/project/*/flame/*.clip",PATH)\nTHEN {SLO('place-on-local-volumes')}`,
      'IS_FILE and errors!=0?dump_inode',
      `IF HAS_LABEL("hero") && LAST_USE_AGE < 2DAYS THEN {SLO('keep-online')} ELSE {SLO('place-on-object-volumes')}`,
      'VOLUME_GROUPS[|NAME="x"].NUMBER_UP >= 2 ? TRUE : FALSE',
      '-(1.50 + -SIZE) * 2MBYTES / 10KBYTES',
      `{SLO('a'), SLO('b')}`,
    ];
    for (const text of texts) {
      const ast = parse(text);
      const formatted = formatObjectiveExpression(ast);
      expect(parse(formatted)).toEqual(ast);
      expect(formatObjectiveExpression(parse(formatted))).toBe(formatted);
    }
  });
});
