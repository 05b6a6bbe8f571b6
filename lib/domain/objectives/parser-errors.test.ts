import { describe, expect, it } from 'vitest';
import type { TObjectiveParseError } from './ast';
import { parseObjectiveExpression } from './parser';

function errorsOf(text: string): readonly TObjectiveParseError[] {
  const result = parseObjectiveExpression(text);
  if (result.ok) throw new Error(`expected errors for ${text}`);
  return result.errors;
}

/** The single error, as [message, line, column, length]. */
function only(text: string): [string, number, number, number | undefined] {
  const errors = errorsOf(text);
  expect(errors).toHaveLength(1);
  const [e] = errors;
  if (e === undefined) throw new Error('no error');
  return [e.message, e.line, e.column, e.length];
}

describe('syntax errors point at the offending token', () => {
  it('an empty text', () => {
    expect(only('  \n ')).toEqual(['the expression is empty', 1, 1, undefined]);
  });

  it('a missing THEN, on the next line of a multi-line objective', () => {
    expect(only('IF FNMATCH("*.clip",PATH)\n   {SLO(\'a\')}')).toEqual(['expected THEN after the IF condition, found {', 2, 4, 1]);
    expect(only('IF IS_FILE')).toEqual(['expected THEN after the IF condition, found end of expression', 1, 11, 1]);
  });

  it('a misspelt THEN reads as an unexpected word where THEN belongs', () => {
    expect(only('IF IS_FILE THN {}')).toEqual(['expected THEN after the IF condition, found THN', 1, 12, 3]);
  });

  it('a branch that is not an action block', () => {
    expect(only("IF IS_FILE THEN SLO('a')")).toEqual(["expected { after THEN: wrap objectives in braces, as {SLO('name')}", 1, 17, 3]);
    expect(only('IF IS_FILE THEN {}\nELSE 42')).toEqual(['expected { or IF after ELSE, found 42', 2, 6, 2]);
  });

  it('an unclosed or malformed action block', () => {
    expect(only("IF IS_FILE THEN {SLO('a')")).toEqual(['expected } to close the action block opened at line 1, column 17, found end of expression', 1, 26, 1]);
    expect(only("IF IS_FILE THEN {SLO('a') SLO('b')}")).toEqual(["expected , or } in the action block, found SLO", 1, 27, 3]);
    expect(only('IF IS_FILE THEN {IS_OPEN}')).toEqual(["expected SLO('objective-name') in the action block, found IS_OPEN", 1, 18, 7]);
    expect(only('IF IS_FILE THEN {SLO(keep)}')).toEqual(["SLO takes an objective name in quotes, as SLO('place-on-local-volumes')", 1, 22, 4]);
    expect(only("IF IS_FILE THEN {SLO('a','b')}")).toEqual(['expected ) after the objective name in SLO(...), found ,', 1, 25, 1]);
  });

  it('unbalanced parentheses and brackets name where they were opened', () => {
    expect(only('(IS_FILE\n AND IS_OPEN')).toEqual(['expected ) to close the ( at line 1, column 1, found end of expression', 2, 13, 1]);
    expect(only('HAS_LABEL("x"')).toEqual(['expected ) to close the argument list of HAS_LABEL opened at line 1, column 10, found end of expression', 1, 14, 1]);
    expect(only('INSTANCES[ROW')).toEqual(['expected ] to close the [ at line 1, column 10, found end of expression', 1, 14, 1]);
    expect(only('IF IS_FILE THEN (IF IS_OPEN THEN {} ELSE {}')).toEqual(['expected ) to close the ( at line 1, column 17, found end of expression', 1, 44, 1]);
  });

  it('a missing value', () => {
    expect(only('IS_FILE AND')).toEqual(['expected a value, found end of expression', 1, 12, 1]);
    expect(only('SIZE > )')).toEqual(['expected a value, found )', 1, 8, 1]);
    expect(only('THIS.')).toEqual(['expected a name after ., found end of expression', 1, 6, 1]);
  });

  it('chained comparisons', () => {
    expect(only('1 < SIZE < 10')).toEqual(['comparisons cannot be chained: join them with AND', 1, 10, 1]);
  });

  it('IF or an action block inside an expression', () => {
    expect(only('IS_FILE AND IF IS_OPEN THEN {}')).toEqual(['IF can only start the objective or follow THEN or ELSE', 1, 13, 2]);
    expect(only("IS_FILE AND {SLO('a')}")).toEqual(['an action block { ... } can only follow THEN or ELSE', 1, 13, 1]);
  });

  it('leftovers after a complete objective', () => {
    expect(only('IS_FILE IS_OPEN')).toEqual(['unexpected IS_OPEN after the end of the expression', 1, 9, 7]);
    expect(only('FNMATCH("*.clip",PATH) THEN {}')).toEqual(['THEN without IF: start the objective with IF', 1, 24, 4]);
    expect(only('IS_FILE ELSE {}')).toEqual(['ELSE without IF ... THEN', 1, 9, 4]);
    expect(only('IF IS_FILE THEN {}\nELSE {}\nELSE {}')).toEqual(['unexpected ELSE: this IF already has its ELSE', 3, 1, 4]);
  });

  it('lexical errors carry their position through the parser', () => {
    expect(only('IF FNMATCH("*.clip,PATH)\nTHEN {}')).toEqual(['unterminated string: add the closing " on the same line', 1, 12, 13]);
    expect(only('IF IS_FILE\n  AND LAST_USE_AGE > 2DAZS THEN {}')).toEqual(['unknown unit DAZS in 2DAZS (did you mean DAYS?)', 2, 23, 4]);
  });
});

describe('naming errors are all reported, in position order', () => {
  it('unknown functions and identifiers, with suggestions', () => {
    expect(only('IF FNMACH("*.clip",PATH) THEN {}')).toEqual(['unknown function FNMACH (did you mean FNMATCH?)', 1, 4, 6]);
    expect(only('IF FNMATCH("*.clip",PAHT) THEN {}')).toEqual(['unknown identifier PAHT (did you mean PATH?)', 1, 21, 4]);
    expect(only('QWERTYUIOP')).toEqual(['unknown identifier QWERTYUIOP', 1, 1, 10]);
    expect(only('MAKE_IT_FAST(1)')).toEqual(['unknown function MAKE_IT_FAST', 1, 1, 12]);
  });

  it('a function used as a value and a value used as a function', () => {
    expect(only('FNMATCH AND IS_FILE')).toEqual(['FNMATCH is a function: call it as FNMATCH(...)', 1, 1, 7]);
    expect(only('PATH("x")')).toEqual(['PATH is not a function', 1, 1, 4]);
  });

  it('wrong argument counts', () => {
    expect(only('FNMATCH("*.clip")')).toEqual(['FNMATCH takes 2 arguments, got 1', 1, 1, 7]);
    expect(only('HAS_LABEL()')).toEqual(['HAS_LABEL takes 1 argument, got 0', 1, 1, 9]);
    expect(only('ROWS(1, 2)')).toEqual(['ROWS takes 0 to 1 arguments, got 2', 1, 1, 4]);
  });

  it('FNMATCH with the subject and pattern swapped', () => {
    expect(only('IF FNMATCH(PATH,"*.clip") THEN {}')).toEqual(['FNMATCH takes the pattern first: FNMATCH("*.clip",PATH)', 1, 4, 7]);
  });

  it('SLO outside an action block, and an invalid objective name inside one', () => {
    expect(only("IF SLO('a') THEN {}")).toEqual(["SLO(...) belongs in an action block after THEN or ELSE, as {SLO('name')}", 1, 4, 3]);
    expect(only("IF IS_FILE THEN {SLO('bad name')}")).toEqual(['invalid objective name in SLO: the name contains a space; use letters, digits, "-", "." and "_" only', 1, 22, 10]);
  });

  it('collects several naming errors across lines, then the syntax error that stopped the parse', () => {
    const errors = errorsOf('IF FNMACH("*.clip",PAHT)\n  OR IS_FIEL\nTHEN {SLO(\'a\')} ELSE');
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [1, 4, 'unknown function FNMACH (did you mean FNMATCH?)'],
      [1, 20, 'unknown identifier PAHT (did you mean PATH?)'],
      [2, 6, 'unknown identifier IS_FIEL (did you mean IS_FILE?)'],
      [3, 21, 'expected { or IF after ELSE, found end of expression'],
    ]);
  });
});
