import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appendVersion, type TAppendVersion } from './append';
import { parseOpenClip } from './parse';

const text = (name: string) => readFileSync(new URL(`../../../tests/fixtures/openclip/${name}`, import.meta.url), 'utf8');
const SH020 = '/mnt/projects/acme_spot/shots/sh020/openclip/output_clips/sh020_publish.clip';
const v004: TAppendVersion = {
  vuid: 'v004',
  name: 'v004',
  createdAt: '2026-03-05T12:00:00Z',
  mediaPath: '../../media/renders/sh020_v004/sh020_v004.####.exr',
  frameRange: { first: 1001, last: 1100 },
  batchSetup: '/mnt/projects/acme_spot/shots/sh020/batch_setups/sh020_v004.batch',
  startTimecodeFrames: 90000,
};

function append(xml: string, v: TAppendVersion, makeCurrent: boolean, clipPath = SH020) {
  const r = appendVersion(xml, v, { makeCurrent, clipPath });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.reason}`);
  return r;
}

describe('appendVersion (openclip.md §2.2)', () => {
  it('append → parse shows the new version, made current in <feeds> and <versions>', () => {
    const r = append(text('three_versions_current_v2.clip'), v004, true);
    const clip = r.clip;
    expect(clip.versions.map((v) => v.uid)).toEqual(['v001', 'v002', 'v003', 'v004']);
    expect([clip.currentVersion, clip.latestVersion, clip.tracks[0]?.currentVersion]).toEqual(['v004', 'v004', 'v004']);
    const v = clip.versions[3]!;
    expect(v).toMatchObject({ name: 'v004', versionNumber: 4, batchSetup: v004.batchSetup, creationDate: { iso: '2026-03-05T12:00:00' } });
    expect(v.frameRange).toEqual({ first: 1001, last: 1100, padding: 4, count: 100 });
    expect(v.mediaPath).toBe('/mnt/projects/acme_spot/shots/sh020/media/renders/sh020_v004/sh020_v004.[1001-1100].exr');
    expect(v.startTimecode?.timecode).toBe('01:00:00:00');
    expect(r.xml).toMatch(/\n {16}<feed type="feed" vuid="v004" uid="video_v004">\n/);
    expect(clip.warnings).toEqual([]);
    expect(parseOpenClip(r.xml, { clipPath: SH020 })).toEqual({ ok: true, clip });
  });

  it('makeCurrent false leaves an explicit current alone', () => {
    const r = append(text('three_versions_current_v2.clip'), v004, false);
    expect([r.clip.currentVersion, r.clip.latestVersion]).toEqual(['v002', 'v004']);
  });

  it('makeCurrent false pins an implicit current, since "last is current" would otherwise move it', () => {
    const r = append(text('legacy_no_versions.clip'), { ...v004, vuid: 'v2', name: 'v2', mediaPath: 'plates/sh060_bg_v2.[0100-0200].dpx' }, false, '/p/sh060/a.clip');
    expect([r.clip.currentVersion, r.clip.tracks[0]?.declaredCurrentVersion]).toEqual(['v1', 'v1']);
    expect(r.clip.versions.map((v) => v.uid)).toEqual(['v0', 'v1', 'v2']);
  });

  it('edge 12: unknown elements, namespaces and computed values survive byte for byte', () => {
    const src = text('multi_track.clip');
    const r = append(src, { ...v004, vuid: 'v003', name: 'v003' }, true, '/mnt/projects/acme_spot/shots/sh030/openclip/output_clips/sh030_comp.clip');
    const tail = src.slice(src.indexOf('    <vendorExtension'));
    expect(r.xml.endsWith(tail)).toBe(true);
    expect(r.xml.startsWith(src.slice(0, src.indexOf('<feeds currentVersion="v002">')))).toBe(true);
    // The default target is the main picture track only; the matte and audio tracks are untouched.
    expect(r.clip.versions.find((v) => v.uid === 'v003')?.trackUids).toEqual(['rgba']);
  });

  it('writes one feed per listed track for a multi-layer render', () => {
    const src = text('multi_track.clip');
    const layers = [
      { trackUid: 'rgba', mediaPath: '../../media/renders/v3/rgba.[1001-1048].exr' },
      { trackUid: 'crypto_object', mediaPath: '../../media/renders/v3/crypto.[1001-1048].exr' },
    ];
    const r = append(src, { ...v004, vuid: 'v003', name: 'v003', tracks: layers }, true);
    expect(r.clip.versions.find((v) => v.uid === 'v003')?.trackUids).toEqual(['rgba', 'crypto_object']);
    expect(r.clip.tracks.slice(0, 2).map((t) => t.currentVersion)).toEqual(['v003', 'v003']);
  });

  it('edge 25: a schema 9 clip keeps version="9" and its Bytes values untouched', () => {
    const src = text('schema_v9_bytes.clip');
    const r = append(src, { ...v004, vuid: 'v0002', name: 'v0002' }, true);
    expect(r.clip.schemaVersion).toBe(9);
    expect(r.xml).toContain('<clip type="clip" version="9">');
    expect(r.xml).toContain('<fileHeader type="bytes">762f3101020304050607ff00fe7f80a1b2c3d4e5f6</fileHeader>');
    expect(r.xml).toContain('<exif type="bytes">00112233445566778899aabbccddeeff</exif>');
    expect(r.xml).toContain('<privateTrackState computed="1" opaque="&lt;keep me&gt;">x</privateTrackState>');
    expect(r.clip.versions.map((v) => v.uid)).toEqual(['v0001', 'v0002']);
  });

  it('keeps a BOM and CRLF line endings', () => {
    const src = text('single_version_bom_crlf.clip');
    const r = append(src, { ...v004, vuid: 'v002', name: 'v002' }, true, '/x/sh010.clip');
    expect(r.xml.startsWith('\uFEFF<?xml')).toBe(true);
    expect(r.xml.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(r.clip.currentVersion).toBe('v002');
  });

  it('adds <feeds> or <versions> when the clip has none, including self-closing ones', () => {
    const bare = '<clip version="7"><tracks><track uid="v"><trackType>video</trackType></track></tracks><versions/></clip>';
    const r = append(bare, v004, true, '/p/s.clip');
    expect(r.clip.versions.map((v) => [v.uid, v.declared, v.trackUids])).toEqual([['v004', true, ['v']]]);
    expect(r.clip.currentVersion).toBe('v004');
  });

  it('refuses duplicates, unknown tracks, clips without tracks, bad input and unreadable clips', () => {
    const src = text('three_versions_current_v2.clip');
    const code = (xml: string, v: TAppendVersion) => {
      const r = appendVersion(xml, v, { makeCurrent: true });
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code(src, { ...v004, vuid: 'v003' })).toBe('DUPLICATE_VERSION');
    expect(code(src, { ...v004, tracks: [{ trackUid: 'nope', mediaPath: 'x.exr' }] })).toBe('UNKNOWN_TRACK');
    expect(code(text('pattern_scan.clip'), v004)).toBe('NO_TRACKS');
    expect(code(src, { ...v004, createdAt: 'tomorrow' })).toBe('INVALID_INPUT');
    expect(code(text('malformed_truncated.clip'), v004)).toBe('PARSE_FAILED');
  });
});
