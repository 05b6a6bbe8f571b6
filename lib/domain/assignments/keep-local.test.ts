import { describe, expect, it } from 'vitest';
import { fnmatch, listSloObjectives, parseObjectiveExpression, validateObjectiveName } from '@/lib/domain/objectives';
import { SHOT_KEEP_LOCAL } from './keep-local';

describe('the pre-stage keep-local objective', () => {
  it('is a valid objective that places data on local volumes', () => {
    expect(validateObjectiveName(SHOT_KEEP_LOCAL.name)).toMatchObject({ ok: true });
    const parsed = parseObjectiveExpression(SHOT_KEEP_LOCAL.expression);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(listSloObjectives(parsed.ast)).toEqual(['place-on-local-volumes']);
  });

  it('matches frames and clips at any depth of the folder it is applied to', () => {
    for (const p of ['/projects/acme/sh010/renders/sh010_v003/sh010_v003.00001001.exr', '/projects/acme/sh010/sh010.clip']) expect(fnmatch('*', p)).toBe(true);
  });
});
