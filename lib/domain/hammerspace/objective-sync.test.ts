import { describe, expect, it } from 'vitest';
import { MANAGED_BY, MANAGED_BY_KEY, pathKey, pathsToObserve, planObjectiveSync, type TDesiredApplication, type TObservedPaths } from './objective-sync';
import type { TObjectiveDefinition } from './types';

const EXPR = 'IF FNMATCH("*.clip",PATH) THEN {SLO(\'place-on-local-volumes\')}';
const app = (id: string, state: TDesiredApplication['state'], over: Partial<TDesiredApplication> = {}): TDesiredApplication => ({
  id, objective: 'clips', expression: EXPR, share: 'projects', path: '/', state, ...over,
});
const def = (name: string, expression: string | null, managed = true): TObjectiveDefinition => ({
  name, uuid: name, basic: expression === null, expression, comment: '', extendedInfo: managed ? { [MANAGED_BY_KEY]: MANAGED_BY } : {},
});
const paths = (entries: [string, string, string[]][]): TObservedPaths => new Map(entries.map(([s, p, o]) => [pathKey(s, p), { objectives: o }]));

describe('planObjectiveSync', () => {
  it('creates the definition, then sets it on the path', () => {
    const plan = planObjectiveSync([app('a1', 'pending')], [def('keep-online', null, false)], paths([['projects', '/', []]]));
    expect(plan).toEqual([
      { kind: 'create-definition', name: 'clips', expression: EXPR, drift: false, applicationIds: ['a1'] },
      { kind: 'set', applicationId: 'a1', objective: 'clips', share: 'projects', path: '/', drift: false },
    ]);
  });

  it('confirms what is already in place and changes nothing else', () => {
    expect(planObjectiveSync([app('a1', 'pending')], [def('clips', ` ${EXPR} `)], paths([['projects', '/', ['clips']]]))).toEqual([{ kind: 'confirm', applicationId: 'a1' }]);
    expect(planObjectiveSync([app('a1', 'applied')], [def('clips', EXPR)], paths([['projects', '/', ['clips']]]))).toEqual([]);
  });

  it('calls it drift when an applied objective vanished or was edited on the Anvil', () => {
    const gone = planObjectiveSync([app('a1', 'applied')], [], paths([['projects', '/', []]]));
    expect(gone.map((a) => [a.kind, 'drift' in a ? a.drift : null])).toEqual([['create-definition', true], ['set', true]]);
    const edited = planObjectiveSync([app('a1', 'applied')], [def('clips', 'TRUE')], paths([['projects', '/', ['clips']]]));
    expect(edited).toEqual([{ kind: 'update-definition', name: 'clips', expression: EXPR, drift: true, applicationIds: ['a1'] }]);
  });

  it('unsets removals still present, forgets those already gone, then deletes our unused definition', () => {
    const plan = planObjectiveSync(
      [app('r1', 'removing'), app('r2', 'removing', { path: '/old' })],
      [def('clips', EXPR), def('by-hand', 'TRUE', false)],
      paths([['projects', '/', ['clips']], ['projects', '/old', []]]),
    );
    expect(plan).toEqual([
      { kind: 'unset', applicationId: 'r1', objective: 'clips', share: 'projects', path: '/' },
      { kind: 'forget', applicationId: 'r2' },
      { kind: 'delete-definition', name: 'clips' },
    ]);
  });

  it('keeps a definition another path still wants, and reports unreadable paths', () => {
    const observed: TObservedPaths = new Map([[pathKey('projects', '/a'), { error: 'Share not found: projects' }], [pathKey('projects', '/b'), { objectives: ['clips'] }]]);
    const plan = planObjectiveSync([app('w', 'pending', { path: '/a' }), app('r', 'removing', { path: '/b' })], [def('clips', EXPR)], observed);
    expect(plan).toEqual([
      { kind: 'path-error', applicationId: 'w', message: 'Share not found: projects' },
      { kind: 'unset', applicationId: 'r', objective: 'clips', share: 'projects', path: '/b' },
    ]);
    expect(pathsToObserve([app('w', 'pending', { path: '/a' }), app('x', 'removing', { path: '/a' })])).toEqual([{ share: 'projects', path: '/a' }]);
  });
});
