// One test per fixture of the research notes (openclip.md §5), asserting the expected results
// listed there. Fixtures live in tests/fixtures/openclip (see its README for where each sits).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOpenClip } from './parse';
import { ZOpenClip, type TOpenClip } from './types';

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/openclip/${name}`, import.meta.url));

function parseFixture(name: string, clipPath: string): TOpenClip {
  const r = parseOpenClip(fixture(name), { clipPath });
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.reason}`);
  // Every result must also be a valid stored snapshot.
  expect(ZOpenClip.safeParse(r.clip).success).toBe(true);
  return r.clip;
}

const SH010 = '/mnt/projects/acme_spot/shots/sh010/openclip/output_clips/sh010_comp.clip';
const SH020 = '/mnt/projects/acme_spot/shots/sh020/openclip/output_clips/sh020_publish.clip';
const SH030 = '/mnt/projects/acme_spot/shots/sh030/openclip/output_clips/sh030_comp.clip';

function expectSingleVersion(clip: TOpenClip) {
  expect(clip.schemaVersion).toBe(7);
  expect(clip.name).toBe('sh010_comp');
  expect(clip.versions.map((v) => v.uid)).toEqual(['v001']);
  expect(clip.currentVersion).toBe('v001');
  expect(clip.latestVersion).toBe('v001');
  const v = clip.versions[0]!;
  expect(v.frameRange).toEqual({ first: 1001, last: 1120, padding: 8, count: 120 });
  expect(v.frameCount).toBe(120);
  expect(v.startTimecode).toMatchObject({ nbTicks: 86400, timecode: '01:00:00:00', rate: { fps: 24 } });
  expect(v.batchSetup).toBe('/mnt/projects/acme_spot/shots/sh010/batch_setups/sh010_comp_v001.batch');
  expect(v.versionNumber).toBe(1);
  expect(v.creationDate).toEqual({ raw: '2026/03/02 09:41:17', iso: '2026-03-02T09:41:17' });
  expect(v.mediaPath).toBe('/mnt/projects/acme_spot/shots/sh010/media/renders/sh010_comp_v001/sh010_comp_v001.[00001001-00001120].exr');
  expect(clip.userData).toEqual([
    { path: 'appName', type: 'string', raw: 'flame' },
    { path: 'appVersion', type: 'string', raw: '2026.1' },
  ]);
  expect(clip.warnings).toEqual([]);
}

describe('fixtures (openclip.md §5)', () => {
  it('5.1 single_version.clip: one version, absolute path, Flame metadata', () => {
    expectSingleVersion(parseFixture('single_version.clip', SH010));
  });

  it('5.5 single_version_bom_crlf.clip: UTF-8 BOM and CRLF give the same result as 5.1', () => {
    const clip = parseFixture('single_version_bom_crlf.clip', SH010);
    expectSingleVersion(clip);
    const plain = parseFixture('single_version.clip', SH010);
    expect({ ...clip, byteLength: 0 }).toEqual({ ...plain, byteLength: 0 });
  });

  it('5.2 three_versions_current_v2.clip: current v002 is not the latest v003', () => {
    const clip = parseFixture('three_versions_current_v2.clip', SH020);
    expect(clip.schemaVersion).toBe(6);
    expect(clip.versions.map((v) => v.uid)).toEqual(['v001', 'v002', 'v003']);
    expect(clip.versions.map((v) => v.name)).toEqual(['v001', 'v002', 'v003']);
    expect(clip.currentVersion).toBe('v002');
    expect(clip.currentSource).toBe('versions');
    expect(clip.latestVersion).toBe('v003');
    const [v1, v2, v3] = clip.versions;
    expect(v2!.comment).toBe('client approved');
    expect(v3!.frameRange).toEqual({ first: 997, last: 1104, padding: 4, count: 108 });
    expect(v1!.startTimecode?.timecode).toBe('01:00:00:00');
    // 4 frames earlier at 25 fps, matching the 4 frames of handles: no START_CHANGED warning.
    expect(v3!.startTimecode).toMatchObject({ nbTicks: 89996, timecode: '00:59:59:21' });
    expect(v1!.mediaPath).toBe('/mnt/projects/acme_spot/shots/sh020/media/renders/sh020_v001/sh020_v001.[1001-1100].exr');
    for (const v of clip.versions) expect(v.mediaPath).toMatch(/^\/mnt\/projects\/acme_spot\/shots\/sh020\/media\/renders\//);
    expect(clip.versions.map((v) => v.creationDate?.iso)).toEqual(['2026-03-02T10:05:44', '2026-03-03T16:22:09', '2026-03-04T08:13:50']);
    expect(clip.warnings).toEqual([]);
  });

  it('5.3 multi_track.clip: four tracks, uneven versions, a gap, unknown elements', () => {
    const clip = parseFixture('multi_track.clip', SH030);
    expect(clip.tracks.map((t) => [t.uid, t.trackType, t.extendedType])).toEqual([
      ['rgba', 'video', null],
      ['crypto_object', 'video', 'matte'],
      ['audio_L', 'audio', null],
      ['audio_R', 'audio', null],
    ]);
    expect(clip.editRate).toEqual({ numerator: 24000, denominator: 1001, fps: 24000 / 1001 });
    expect(clip.versions.map((v) => v.uid)).toEqual(['v001', 'v002']);
    expect(clip.currentVersion).toBe('v002');
    expect(clip.mainTrackUid).toBe('rgba');
    expect(clip.versions[1]!.trackUids).toEqual(['rgba', 'crypto_object']);
    const audio = clip.tracks.filter((t) => t.trackType === 'audio');
    expect(audio.map((t) => t.currentVersion)).toEqual(['v001', 'v001']);
    expect(audio.map((t) => t.feeds[0]!.spans[0]!.trackIndex)).toEqual([0, 1]);
    expect(audio.map((t) => t.feeds[0]!.spans[0]!.path!.resolved)).toEqual([
      '/mnt/projects/acme_spot/shots/sh030/media/audio/sh030_mix.wav',
      '/mnt/projects/acme_spot/shots/sh030/media/audio/sh030_mix.wav',
    ]);
    expect(audio[0]!.feeds[0]!.spans[0]!.path!.encoding).toBe('file');
    // Out of sync is a warning, not an error.
    expect(clip.warnings.map((w) => [w.code, w.trackUid])).toEqual([
      ['TRACK_CURRENT_OUT_OF_SYNC', 'audio_L'],
      ['TRACK_CURRENT_OUT_OF_SYNC', 'audio_R'],
    ]);
    const crypto = clip.tracks[1]!.feeds[0]!;
    expect(crypto.spans.map((s) => [s.kind, s.frameCount])).toEqual([
      ['gap', 12],
      ['media', 36],
    ]);
    expect(crypto.spans[1]!.path!.frameRange).toEqual({ first: 1013, last: 1048, padding: 4, count: 36 });
    expect(crypto.frameCount).toBe(48);
    expect(clip.versions[0]!.userData).toEqual([
      { path: 'versionNumber', type: 'uint64', raw: '1' },
      { path: 'studioExtras', type: 'dict', raw: '' },
      { path: 'studioExtras/region', type: 'string', raw: 'eu-west-2' },
      { path: 'studioExtras/artist', type: 'string', raw: 'remote_artist_07' },
    ]);
    // vendorExtension and the computed duration are ignored: no clip-level timing is read from them.
    expect(clip.startTimecode).toBeNull();
  });

  it('5.4 malformed_truncated.clip: a typed TRUNCATED error at line 19, no clip', () => {
    const r = parseOpenClip(fixture('malformed_truncated.clip'), { clipPath: '/mnt/projects/acme_spot/shots/sh040/x.clip' });
    expect(r).toEqual({ ok: false, error: { code: 'TRUNCATED', reason: 'input ends inside <path>', line: 19 } });
  });

  it('5.5 pattern_scan.clip: bare root, kind pattern, no schema, no XML versions', () => {
    const clip = parseFixture('pattern_scan.clip', '/mnt/projects/acme_spot/shots/sh050/openclip/sh050.clip');
    expect(clip.kind).toBe('pattern');
    expect(clip.schemaVersion).toBeNull();
    expect(clip.versions).toEqual([]);
    expect(clip.currentVersion).toBeNull();
    expect(clip.currentSource).toBe('none');
    expect(clip.scanPattern).toBe('/mnt/projects/acme_spot/shots/sh050/media/renders/sh050_comp_v{version}/sh050_comp_v{version}.{frame}.exr');
    expect(clip.name).toBe('sh050');
    expect(clip.nameFromFile).toBe(true);
  });

  it('5.5 legacy_no_versions.clip: versions from feeds, last is current, name from file', () => {
    const clip = parseFixture('legacy_no_versions.clip', '/mnt/projects/old/sh060/legacy_no_versions.clip');
    expect(clip.schemaVersion).toBe(4);
    expect(clip.versions.map((v) => [v.uid, v.declared])).toEqual([
      ['v0', false],
      ['v1', false],
    ]);
    expect(clip.currentVersion).toBe('v1');
    expect(clip.currentSource).toBe('last');
    expect(clip.name).toBe('legacy_no_versions');
    expect(clip.nameFromFile).toBe(true);
    const [v0, v1] = clip.versions;
    expect(v0!.frameRange).toBeNull();
    expect(clip.tracks[0]!.feeds[0]!.spans[0]!.path).toMatchObject({ syntax: 'frame-token', unbounded: true, tokens: ['frame'] });
    expect(v1!.frameRange).toEqual({ first: 99, last: 10005, padding: 3, count: 9907 });
    expect(v1!.mediaPath).toBe('/mnt/projects/old/sh060/plates/sh060_bg_v1.[099-10005].dpx');
    expect(clip.tracks.map((t) => t.feeds.map((f) => f.uid))).toEqual([['f0', 'f1'], ['f0']]);
    expect(clip.tracks[1]!.feeds.map((f) => f.vuid)).toEqual(['v0']);
    expect(v0!.trackUids).toEqual(['t0', 't1']);
    expect(clip.warnings).toEqual([]);
  });
});
