// Edge cases of openclip.md §4 that concern the parser as a whole; the rest sit with the module
// that handles them (decode, xml-scan, media-path, timing, values, model-*, diff, on-disk, append).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenClip } from './build';
import { diffClips } from './diff';
import { parseOpenClip } from './parse';
import type { TOpenClip } from './types';

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/openclip/${name}`, import.meta.url));
const parse = (xml: string | Uint8Array, clipPath = '/p/s/sh.clip'): TOpenClip => {
  const r = parseOpenClip(xml, { clipPath });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.reason}`);
  return r.clip;
};

describe('parser-level edge cases', () => {
  it('edge 6: a bare <clip> with no type or version attributes and nothing inside is kind=empty', () => {
    const clip = parse('<clip/>', '/p/s/sh090.clip');
    expect([clip.kind, clip.schemaVersion, clip.name, clip.versions.length, clip.currentSource]).toEqual(['empty', null, 'sh090', 0, 'none']);
  });

  it('edge 7: the dangling-current fixture (tk-nuke style) stores, flags and falls back', () => {
    const clip = parse(fixture('dangling_current.clip'), '/mnt/projects/acme_spot/shots/sh070/openclip/sh070_plate.clip');
    expect(clip.declaredCurrentVersion).toBe('v002');
    expect([clip.currentVersion, clip.currentSource, clip.latestVersion]).toEqual(['v001', 'last', 'v001']);
    expect(clip.tracks[0]).toMatchObject({ declaredCurrentVersion: 'v002', currentVersion: null });
    expect(clip.warnings.map((w) => w.code)).toEqual(['DANGLING_CURRENT_VERSION', 'FEEDS_CURRENT_NO_MEDIA', 'TRACK_CURRENT_OUT_OF_SYNC']);
    // Bare-integer span durations, label attributes and both date spellings.
    expect(clip.versions.map((v) => [v.frameCount, v.frameRange?.count, v.startTimecode?.timecode, v.creationDate?.iso])).toEqual([
      [170, 170, '00:00:04:00', '2014-12-09T22:22:48'],
      [170, 170, '00:00:04:00', '2014-12-10T09:03:11'],
    ]);
    expect(clip.versions.map((v) => v.versionNumber)).toEqual([0, 1]);
  });

  it('edge 12: unknown, namespaced and computed elements are ignored in any order, with type/version attributes anywhere', () => {
    const xml = `<clip type="clip" version="7" xmlns:x="urn:x">
      <versions currentVersion="v1"><x:private>1</x:private><version uid="v1" type="version" version="7"><name computed="1">ignored</name><name>real</name><futureField/></version></versions>
      <name computed="1">computedName</name>
      <tracks><mystery type="whatever"><deep><deeper/></deep></mystery>
        <track uid="v" version="7"><trackType>video</trackType><feeds><feed vuid="v1" uid="f"><spans><span><secret/><path encoding="pattern">a.[1-2].exr</path></span></spans></feed></feeds></track>
      </tracks>
      <name>sh</name>
    </clip>`;
    const clip = parse(xml);
    expect([clip.name, clip.versions[0]?.name, clip.versions[0]?.frameRange?.count, clip.warnings]).toEqual(['sh', 'real', 2, []]);
  });

  it('edge 23: a big clip (60 versions x 40 EXR layers, ~1.8 MB) parses within bounds', () => {
    const versions = Array.from({ length: 60 }, (_, i) => {
      const n = String(i + 1).padStart(3, '0');
      return { vuid: `v${n}`, name: `v${n}`, createdAt: '2026-03-02T09:41:17', mediaPath: `/r/v${n}/sh.[1001-1100].exr`, startTimecodeFrames: 86400 };
    });
    const one = buildOpenClip({ name: 'big', versions });
    const track = one.slice(one.indexOf('        <track '), one.indexOf('    </tracks>'));
    const layers = Array.from({ length: 40 }, (_, i) => track.replace('uid="video"', `uid="layer${i}"`)).join('');
    const xml = one.replace(track, layers);
    expect(xml.length).toBeGreaterThan(1_500_000);
    const started = performance.now();
    const clip = parse(xml);
    const ms = performance.now() - started;
    expect([clip.tracks.length, clip.versions.length, clip.latestVersion]).toEqual([40, 60, 'v060']);
    console.warn(`edge 23: ${xml.length} chars parsed in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(2000);
    expect(parseOpenClip(xml, { clipPath: '/x.clip', maxBytes: 1_000_000 })).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  });

  it('edge 23: work stays linear in versions x tracks (no per-version scan of every feed or track)', () => {
    const n = 20_000;
    const feeds = Array.from({ length: n }, (_, i) => `<feed vuid="v${i}" uid="f${i}"><spans><span><path>r/v${i}.[1-2].exr</path></span></spans></feed>`).join('');
    const entries = Array.from({ length: n }, (_, i) => `<version uid="v${i}"/>`).join('');
    const oneTrack = `<clip version="7"><tracks><track uid="video"><trackType>video</trackType><feeds>${feeds}</feeds></track></tracks><versions>${entries}</versions></clip>`;
    const emptyTracks = Array.from({ length: n }, (_, i) => `<track uid="t${i}"><trackType>video</trackType></track>`).join('');
    const wide = `<clip version="7"><tracks>${emptyTracks}</tracks><versions>${entries}</versions></clip>`;
    const started = performance.now();
    const a = parse(oneTrack);
    const b = parse(wide);
    const events = diffClips(a, a);
    const ms = performance.now() - started;
    expect([a.versions.length, a.latestVersion, b.tracks.length, b.versions.length, events]).toEqual([n, `v${n - 1}`, n, n, []]);
    expect(ms).toBeLessThan(5000);
  });

  it('edge 25: schema 9 (and unknown future schemas) are read normally', () => {
    const clip = parse(fixture('schema_v9_bytes.clip'), '/mnt/projects/acme_spot/shots/sh080/openclip/output_clips/sh080.clip');
    expect([clip.schemaVersion, clip.currentVersion, clip.versions[0]?.frameRange?.count]).toEqual([9, 'v0001', 24]);
    expect(clip.versions[0]?.userData).toContainEqual({ path: 'exif', type: 'bytes', raw: '00112233445566778899aabbccddeeff' });
    expect(clip.tracks[0]?.feeds[0]?.userData).toEqual([{ path: 'fileHeader', type: 'bytes', raw: '762f3101020304050607ff00fe7f80a1b2c3d4e5f6' }]);
    expect(parse('<clip type="clip" version="42"/>').schemaVersion).toBe(42);
  });

  it('odd root attributes are warnings, not errors', () => {
    const clip = parse('<clip type="bin" version="seven"/>');
    expect(clip.schemaVersion).toBeNull();
    expect(clip.warnings.map((w) => w.code)).toEqual(['UNEXPECTED_CLIP_TYPE', 'BAD_SCHEMA_VERSION']);
  });

  it('never throws, whatever it is given', () => {
    const weird: unknown[] = [null, undefined, 42, {}, new Uint8Array([0xef, 0xbb]), '\uFEFF', '<'];
    for (const input of weird) {
      const r = parseOpenClip(input as string, { clipPath: '/x.clip' });
      expect(r.ok).toBe(false);
    }
  });
});
