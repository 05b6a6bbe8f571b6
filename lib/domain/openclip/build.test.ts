import { describe, expect, it } from 'vitest';
import { buildOpenClip, type TBuildClipInput } from './build';
import { parseOpenClip } from './parse';
import { flameDate, framePattern } from './write-nodes';

const ROOT = '/mnt/projects/acme_spot/shots/sh010';
const input: TBuildClipInput = {
  name: 'sh010_comp',
  appName: 'flame',
  appVersion: '2026.1',
  currentVersion: 'v002',
  versions: [
    {
      vuid: 'v001',
      name: 'v001',
      createdAt: '2026-03-02T09:41:17Z',
      mediaPath: `${ROOT}/media/renders/sh010_comp_v001/sh010_comp_v001.########.exr`,
      frameRange: { first: 1001, last: 1120 },
      batchSetup: `${ROOT}/batch_setups/sh010_comp_v001.batch`,
      startTimecodeFrames: 86400,
    },
    {
      vuid: 'v002',
      name: 'v002',
      comment: 'client <approved> & "final"',
      createdAt: '2026-03-03T16:22:09+01:00',
      mediaPath: '../../media/renders/sh010_comp_v002/sh010_comp_v002.{frame}.exr',
      frameRange: { first: 997, last: 1124 },
      padding: 4,
    },
    { vuid: 'v003', name: 'v003', createdAt: '2026-03-04T08:13:50', mediaPath: `${ROOT}/media/review/sh010_v003.mov` },
  ],
};

describe('buildOpenClip', () => {
  it('round-trips: build → parse gives the same versions, names, dates, ranges, paths and current', () => {
    const xml = buildOpenClip(input);
    const r = parseOpenClip(xml, { clipPath: `${ROOT}/openclip/output_clips/sh010_comp.clip` });
    if (!r.ok) throw new Error(r.error.reason);
    const clip = r.clip;
    expect(clip.warnings).toEqual([]);
    expect([clip.schemaVersion, clip.name, clip.currentVersion, clip.latestVersion]).toEqual([7, 'sh010_comp', 'v002', 'v003']);
    expect(
      clip.versions.map((v) => ({ uid: v.uid, name: v.name, iso: v.creationDate?.iso, range: v.frameRange, path: v.mediaPath, n: v.versionNumber })),
    ).toEqual([
      {
        uid: 'v001',
        name: 'v001',
        iso: '2026-03-02T09:41:17',
        range: { first: 1001, last: 1120, padding: 8, count: 120 },
        path: `${ROOT}/media/renders/sh010_comp_v001/sh010_comp_v001.[00001001-00001120].exr`,
        n: 1,
      },
      {
        uid: 'v002',
        name: 'v002',
        iso: '2026-03-03T16:22:09',
        range: { first: 997, last: 1124, padding: 4, count: 128 },
        path: `${ROOT}/media/renders/sh010_comp_v002/sh010_comp_v002.[0997-1124].exr`,
        n: 2,
      },
      { uid: 'v003', name: 'v003', iso: '2026-03-04T08:13:50', range: null, path: `${ROOT}/media/review/sh010_v003.mov`, n: 3 },
    ]);
    expect(clip.versions[0]?.batchSetup).toBe(`${ROOT}/batch_setups/sh010_comp_v001.batch`);
    expect(clip.versions[0]?.startTimecode?.timecode).toBe('01:00:00:00');
    expect(clip.versions[1]?.comment).toBe('client <approved> & "final"');
    expect(clip.versions.map((v) => v.frameCount)).toEqual([120, 128, null]);
    expect(clip.tracks[0]?.feeds[2]?.spans[0]?.path?.encoding).toBe('file');
  });

  it('writes the shape Flame writes: declaration, typed elements, currentVersion on feeds and versions', () => {
    const xml = buildOpenClip(input);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<clip type="clip" version="7">\n    <name type="string">sh010_comp</name>')).toBe(true);
    expect(xml).toContain('<feeds currentVersion="v002">');
    expect(xml).toContain('<versions type="versions" currentVersion="v002">');
    expect(xml).toContain('<feed type="feed" vuid="v001" uid="video_v001">');
    expect(xml).toContain('<creationDate>2026/03/02 09:41:17</creationDate>');
    expect(xml).toContain('<versionNumber type="uint64">1</versionNumber>');
    expect(xml).toContain('<batchSetup type="binary">');
  });

  it('defaults current to the last version and honours the rate, schema and track', () => {
    const xml = buildOpenClip({
      name: 'sh',
      schemaVersion: 6,
      rate: { numerator: 24000, denominator: 1001 },
      trackUid: 'rgba',
      versions: [input.versions[0]!, { ...input.versions[1]!, mediaPath: '/r/sh.[1-2].exr' }],
    });
    const r = parseOpenClip(xml, { clipPath: '/r/sh.clip' });
    expect(r.ok && [r.clip.schemaVersion, r.clip.currentVersion, r.clip.mainTrackUid, r.clip.tracks[0]?.feeds[0]?.sampleRate?.numerator]).toEqual([6, 'v002', 'rgba', 24000]);
  });

  it('builds an empty clip, and rejects duplicate vuids, unknown current and bad dates', () => {
    const empty = parseOpenClip(buildOpenClip({ name: 'new', versions: [] }), { clipPath: '/n.clip' });
    expect(empty.ok && [empty.clip.versions.length, empty.clip.currentVersion]).toEqual([0, null]);
    const v = input.versions[0]!;
    expect(() => buildOpenClip({ name: 'x', versions: [v, v] })).toThrow(/duplicate vuid/);
    expect(() => buildOpenClip({ name: 'x', versions: [v], currentVersion: 'v9' })).toThrow(/currentVersion/);
    expect(() => buildOpenClip({ name: 'x', versions: [{ ...v, createdAt: 'March 2' }] })).toThrow(/ISO/);
    expect(() => buildOpenClip({ name: 'x', versions: [{ ...v, frameRange: { first: 5, last: 1 } }] })).toThrow(/first/);
  });

  it('helpers: Flame dates keep the wall clock; frame placeholders become padded ranges', () => {
    expect(flameDate('2026-03-02T09:41:17.500Z')).toBe('2026/03/02 09:41:17');
    expect(flameDate('2026-03-02 09:41')).toBe('2026/03/02 09:41:00');
    expect(framePattern('a.%04d.exr', { first: 1, last: 20 })).toBe('a.[0001-0020].exr');
    expect(framePattern('a.<frame>.exr', { first: 1001, last: 1002 }, 8)).toBe('a.[00001001-00001002].exr');
    expect(framePattern('a.[5-6].exr', { first: 1, last: 2 })).toBe('a.[5-6].exr');
    expect(framePattern('a.{frame}.exr', null)).toBe('a.{frame}.exr');
  });
});
