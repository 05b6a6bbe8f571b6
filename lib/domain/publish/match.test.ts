import { describe, expect, it } from 'vitest';
import { DEFAULT_PUBLISH_LAYOUT, LOGIK_PUBLISH_LAYOUT, SHOTGRID_PUBLISH_LAYOUT, type TPublishKind } from './layout';
import { matchPublishPath, renderPublishPath, versionNameFor } from './match';

const D = DEFAULT_PUBLISH_LAYOUT;
const SHOT = 'acme_spot/sequences/sq010/sh010';

describe('matchPublishPath (default layout)', () => {
  it('finds shot identity and kind for each file Shot Publish writes', () => {
    const cases: Array<[string, TPublishKind, number | null]> = [
      [`${SHOT}/sh010.clip`, 'clip', null],
      [`${SHOT}/batch/sh010_v003.batch`, 'batch', 3],
      [`${SHOT}/sources/plate_A.clip`, 'segment-clip', null],
      [`${SHOT}/renders/sh010_v003/sh010_v003.00001001.exr`, 'render', 3],
      [`${SHOT}/plates/plate_A/v001/plate_A_v001.00001001.dpx`, 'source', 1],
    ];
    for (const [path, kind, version] of cases) {
      expect(matchPublishPath(D, path), path).toMatchObject({ kind, project: 'acme_spot', sequence: 'sq010', shot: 'sh010', version });
    }
  });

  it('matches a clip span pattern as a render path', () => {
    for (const frame of ['[00001001-00001100]', '{frame}', '########', '%08d']) {
      expect(matchPublishPath(D, `${SHOT}/renders/sh010_v012/sh010_v012.${frame}.exr`)).toMatchObject({ kind: 'render', version: 12, tokens: { frame } });
    }
  });

  it('requires repeated tokens to agree and the version name to have the layout’s shape', () => {
    expect(matchPublishPath(D, 'acme_spot/sequences/sq010/sh010/sh020.clip')).toBeNull();
    expect(matchPublishPath(D, `${SHOT}/renders/sh010_v003/sh010_v004.0001.exr`)).toBeNull();
    expect(matchPublishPath(D, `${SHOT}/batch/sh010_final.batch`)).toBeNull();
  });

  it('splits shot names that contain underscores at the version name', () => {
    expect(matchPublishPath(D, 'p/sequences/sq/sh_010_bg/batch/sh_010_bg_v042.batch')).toMatchObject({ shot: 'sh_010_bg', version: 42, versionName: 'v042' });
  });

  it('normalises the input and refuses what is not under the root', () => {
    expect(matchPublishPath(D, `/${SHOT}//sh010.clip`)?.shot).toBe('sh010');
    expect(matchPublishPath(D, `./${SHOT}/./sh010.clip`)?.shot).toBe('sh010');
    expect(matchPublishPath(D, `acme_spot\\sequences\\sq010\\sh010\\sh010.clip`)?.shot).toBe('sh010');
    expect(matchPublishPath(D, `../${SHOT}/sh010.clip`)).toBeNull();
    expect(matchPublishPath(D, `${SHOT}/sh010.clip.bak`)).toBeNull();
    expect(matchPublishPath(D, '')).toBeNull();
  });
});

describe('matchPublishPath (other layouts)', () => {
  it('reads the ShotGrid Toolkit layout', () => {
    expect(matchPublishPath(SHOTGRID_PUBLISH_LAYOUT, `${SHOT}/finishing/clip/sh010.clip`)).toMatchObject({ kind: 'clip', shot: 'sh010' });
    expect(matchPublishPath(SHOTGRID_PUBLISH_LAYOUT, `${SHOT}/finishing/clip/sources/seg1.clip`)).toMatchObject({ kind: 'segment-clip' });
    expect(matchPublishPath(SHOTGRID_PUBLISH_LAYOUT, `${SHOT}/finishing/batch/sh010.v007.batch`)).toMatchObject({ kind: 'batch', version: 7 });
  });

  it('reads the LOGIK layout (no sequence level; workstation and user in batch names)', () => {
    const m = matchPublishPath(LOGIK_PUBLISH_LAYOUT, 'acme_spot/shots/sh020/batch_setups/sh020_v0003_flame01_bob.batch');
    expect(m).toEqual({
      kind: 'batch',
      project: 'acme_spot',
      sequence: null,
      shot: 'sh020',
      version: 3,
      versionName: 'v0003',
      tokens: { project: 'acme_spot', shot: 'sh020', versionName: 'v0003', workstation: 'flame01', user: 'bob' },
    });
    expect(matchPublishPath(LOGIK_PUBLISH_LAYOUT, 'acme_spot/shots/sh020/openclip/output_clips/flame/sh020_publish.clip')).toMatchObject({ kind: 'clip', shot: 'sh020' });
    expect(matchPublishPath(LOGIK_PUBLISH_LAYOUT, 'acme_spot/shots/sh020/media/renders/sh020_v0003/sh020_v0003.[00001001-00001100].exr')).toMatchObject({ kind: 'render', version: 3 });
  });
});

describe('renderPublishPath', () => {
  const tokens = { project: 'acme_spot', sequence: 'sq010', shot: 'sh010', segment: 'plate_A', ext: 'exr' };

  it('renders every kind, padding version and frame as the layout says', () => {
    expect(renderPublishPath(D, { kind: 'clip', ...tokens })).toEqual({ ok: true, path: `${SHOT}/sh010.clip` });
    expect(renderPublishPath(D, { kind: 'batch', ...tokens, version: 3 })).toEqual({ ok: true, path: `${SHOT}/batch/sh010_v003.batch` });
    expect(renderPublishPath(D, { kind: 'render', ...tokens, version: 3, frame: 1001 })).toEqual({ ok: true, path: `${SHOT}/renders/sh010_v003/sh010_v003.00001001.exr` });
    expect(renderPublishPath(D, { kind: 'render', ...tokens, versionName: 'v010', frame: '{frame}' })).toEqual({ ok: true, path: `${SHOT}/renders/sh010_v010/sh010_v010.{frame}.exr` });
    expect(renderPublishPath(D, { kind: 'segment-clip', ...tokens })).toEqual({ ok: true, path: `${SHOT}/sources/plate_A.clip` });
  });

  it('round-trips: render then match gives the tokens back', () => {
    for (const kind of ['clip', 'batch', 'segment-clip', 'render', 'source'] as const) {
      const r = renderPublishPath(D, { kind, ...tokens, version: 27, frame: 1001 });
      if (!r.ok) throw new Error(r.reason);
      expect(matchPublishPath(D, r.path), r.path).toMatchObject({ kind, project: 'acme_spot', sequence: 'sq010', shot: 'sh010' });
    }
    const logik = renderPublishPath(LOGIK_PUBLISH_LAYOUT, { kind: 'batch', project: 'p', shot: 'sh_1', version: 5, workstation: 'ws', user: 'ann' });
    expect(logik).toEqual({ ok: true, path: 'p/shots/sh_1/batch_setups/sh_1_v0005_ws_ann.batch' });
    expect(matchPublishPath(LOGIK_PUBLISH_LAYOUT, logik.ok ? logik.path : '')).toMatchObject({ shot: 'sh_1', version: 5 });
  });

  it('reports missing and unsafe values instead of writing a wrong path', () => {
    expect(renderPublishPath(D, { kind: 'batch', project: 'p', shot: 's' })).toEqual({
      ok: false,
      missing: ['sequence', 'versionName'],
      invalid: [],
      reason: 'missing sequence, versionName',
    });
    expect(renderPublishPath(D, { kind: 'clip', ...tokens, shot: '../etc' })).toMatchObject({ ok: false, invalid: ['shot'] });
    expect(renderPublishPath(D, { kind: 'clip', ...tokens, shot: '..' })).toMatchObject({ ok: false, invalid: ['shot'] });
    expect(renderPublishPath(D, { kind: 'clip', ...tokens, project: '' })).toMatchObject({ ok: false, invalid: ['project'] });
    expect(renderPublishPath({ ...D, patterns: { clip: D.patterns.clip, batch: D.patterns.batch } }, { kind: 'render', ...tokens })).toMatchObject({ ok: false });
  });

  it('builds version names from the layout template', () => {
    expect(versionNameFor(D, 7)).toBe('v007');
    expect(versionNameFor({ ...D, versionName: 'comp_v<version>', versionPadding: 2 }, 7)).toBe('comp_v07');
    expect(versionNameFor({ ...D, versionName: 'v<version#####>' }, 7)).toBe('v00007');
  });
});
