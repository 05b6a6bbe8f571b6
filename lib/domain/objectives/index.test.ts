import { describe, expect, it } from 'vitest';
import * as objectives from './index';
import {
  STUDIO_PRESETS,
  compileFnmatch,
  formatObjectiveExpression,
  listFnmatchPatterns,
  listSloObjectives,
  parseObjectiveExpression,
  validateObjectiveName,
} from './index';

describe('public API', () => {
  it('exports the documented functions and constants', () => {
    const functions = [
      'parseObjectiveExpression', 'formatObjectiveExpression', 'listFnmatchPatterns', 'listSloObjectives',
      'expressionNodes', 'fnmatch', 'compileFnmatch', 'validateObjectiveName', 'findStudioPreset',
    ] as const;
    for (const name of functions) expect(typeof objectives[name], name).toBe('function');
    expect(objectives.MAX_EXPRESSION_LENGTH).toBe(8192);
    expect(objectives.MAX_NESTING_DEPTH).toBe(64);
    expect(objectives.MAX_OBJECTIVE_NAME_LENGTH).toBe(80);
    expect(objectives.KEYWORDS).toContain('IF');
    expect(objectives.FUNCTIONS.FNMATCH).toEqual({ minArgs: 2, maxArgs: 2 });
    expect(objectives.IDENTIFIERS).toContain('PATH');
    expect(objectives.UNITS).toContain('DAYS');
  });

  it('exports the Zod schemas', () => {
    expect(objectives.ZObjectiveName.safeParse('keep-online').success).toBe(true);
    expect(objectives.ZObjectiveParseError.safeParse({ message: 'm', line: 1, column: 1 }).success).toBe(true);
    expect(objectives.ZPresetScope.options).toEqual(['home-site', 'all-sites']);
    expect(objectives.ZStudioPreset.safeParse(STUDIO_PRESETS[0]).success).toBe(true);
  });
});

describe('the editor flow, end to end', () => {
  it('takes the seed article text to canonical form, previews its pattern and names what it needs', () => {
    const typed = `if fnmatch("*/project/*/flame/*.clip", path)\n  then { slo('place-on-local-volumes') }`;
    const result = parseObjectiveExpression(typed);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));

    expect(formatObjectiveExpression(result.ast)).toBe(
      `IF FNMATCH("*/project/*/flame/*.clip",PATH) THEN {SLO('place-on-local-volumes')}`,
    );
    expect(formatObjectiveExpression(result.ast, { layout: 'multi-line' })).toBe(
      `IF FNMATCH("*/project/*/flame/*.clip",PATH)\nTHEN {SLO('place-on-local-volumes')}`,
    );

    const [use] = listFnmatchPatterns(result.ast);
    expect(use).toEqual({ pattern: '*/project/*/flame/*.clip', subject: 'PATH' });
    const matches = compileFnmatch(use?.pattern ?? '');
    const files = ['/project/sh010/flame/sh010.clip', '/project/sh010/flame/renders/v2/sh010.clip', '/project/sh010/nuke/sh010.nk'];
    expect(files.filter(matches)).toEqual(files.slice(0, 2));

    const needed = listSloObjectives(result.ast);
    expect(needed).toEqual(['place-on-local-volumes']);
    expect(needed.map(validateObjectiveName)).toEqual([{ ok: true }]);
  });

  it('turns a broken multi-line objective into errors an editor can underline', () => {
    const result = parseObjectiveExpression(`IF FNMACH("*.clip",PATH)\nTHEN SLO('place-on-local-volumes')`);
    expect(result).toEqual({
      ok: false,
      errors: [
        { message: 'unknown function FNMACH (did you mean FNMATCH?)', line: 1, column: 4, length: 6 },
        { message: "expected { after THEN: wrap objectives in braces, as {SLO('name')}", line: 2, column: 6, length: 3 },
      ],
    });
  });
});
