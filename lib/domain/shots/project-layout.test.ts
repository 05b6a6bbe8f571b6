import { describe, expect, it } from 'vitest';
import { DEFAULT_PUBLISH_LAYOUT, SHOTGRID_PUBLISH_LAYOUT } from '@/lib/domain/publish';
import { NO_SEQUENCE, identifyShotClip, readProjectLayout, writeProjectLayout } from './project-layout';

describe('project layouts', () => {
  it('reads nothing as the default, a name as a ready-made layout, JSON as an override', () => {
    expect(readProjectLayout(null)).toEqual({ ok: true, layout: DEFAULT_PUBLISH_LAYOUT });
    expect(readProjectLayout('shotgrid-toolkit')).toMatchObject({ ok: true, layout: { name: 'shotgrid-toolkit' } });
    const custom = readProjectLayout(JSON.stringify({ base: 'default', override: { patterns: { clip: '<project>/shots/<shot>/<shot>_main.clip' } } }));
    expect(custom).toMatchObject({ ok: true, layout: { patterns: { clip: '<project>/shots/<shot>/<shot>_main.clip' } } });
  });

  it('refuses broken settings with a reason instead of falling back silently', () => {
    expect(readProjectLayout('no-such-layout')).toMatchObject({ ok: false, reason: expect.stringContaining('unknown layout') });
    expect(readProjectLayout('{not json')).toMatchObject({ ok: false });
    const noShot = writeProjectLayout({ base: 'default', override: { patterns: { clip: '<project>/all.clip' } } });
    expect(noShot).toMatchObject({ ok: false, reason: expect.stringContaining('<project> and <shot>') });
  });

  it('stores the shortest text that reads back to the same layout', () => {
    expect(writeProjectLayout({ base: 'default' })).toMatchObject({ ok: true, text: null });
    expect(writeProjectLayout({ base: 'logik-projekt' })).toMatchObject({ ok: true, text: 'logik-projekt' });
    const w = writeProjectLayout({ base: 'default', override: { versionPadding: 4 } });
    expect(w.ok && readProjectLayout(w.text)).toMatchObject({ ok: true, layout: { versionPadding: 4 } });
  });
});

describe('shot identity from a clip path', () => {
  const none = new Map();

  it('reads project, sequence, shot and folder under the default layout', () => {
    expect(identifyShotClip('Nimbus/sequences/sq010/sh010/sh010.clip', none)).toMatchObject({
      project: 'Nimbus', sequence: 'sq010', shot: 'sh010', clipPath: 'Nimbus/sequences/sq010/sh010/sh010.clip', folderPath: 'Nimbus/sequences/sq010/sh010',
    });
  });

  it('ignores files that are not the shot-level clip', () => {
    expect(identifyShotClip('Nimbus/sequences/sq010/sh010/sources/plate.clip', none)).toBeNull();
    expect(identifyShotClip('Nimbus/sequences/sq010/sh010/other.clip', none)).toBeNull();
    expect(identifyShotClip('../escape/sequences/a/b/b.clip', none)).toBeNull();
  });

  it('uses a configured project layout for that project only', () => {
    const layouts = new Map([['acme', SHOTGRID_PUBLISH_LAYOUT]]);
    const hit = identifyShotClip('acme/sequences/sq1/sh1/finishing/clip/sh1.clip', layouts);
    expect(hit).toMatchObject({ project: 'acme', shot: 'sh1', folderPath: 'acme/sequences/sq1/sh1' });
    // The default layout's shape no longer counts inside a configured project.
    expect(identifyShotClip('acme/sequences/sq1/sh1/sh1.clip', layouts)).toBeNull();
  });

  it('groups shots of a layout without sequences under one name', () => {
    const logik = readProjectLayout('logik-projekt');
    if (!logik.ok) throw new Error(logik.reason);
    const hit = identifyShotClip('spot/shots/sh050/openclip/output_clips/flame/sh050_publish.clip', new Map([['spot', logik.layout]]));
    expect(hit).toMatchObject({ project: 'spot', sequence: NO_SEQUENCE, shot: 'sh050', folderPath: 'spot/shots/sh050' });
  });
});
