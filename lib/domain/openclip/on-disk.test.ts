import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyClipFile, isOpenClipCandidate, matchScanPattern } from './on-disk';
import { parseOpenClip } from './parse';

describe('edge 24: backups and temp files are not clips', () => {
  it('edge 24: accepts real clips only', () => {
    expect(isOpenClipCandidate('/p/shots/sh010/openclip/sh010_publish.clip')).toBe(true);
    expect(isOpenClipCandidate('sh010.CLIP')).toBe(true);
    for (const p of [
      '/p/sh010.clip.bak',
      '/p/sh010.clip.bak.01',
      '/p/sh010.clip.bak_20260302_094117',
      '/p/sh010.clip.bak.last',
      '/p/media/_tmp.clip',
      '/p/media/sh010_tmp.clip',
      '/p/.sh010.clip',
      '/p/.#sh010.clip',
      '/p/sh010.clip~',
      '/p/.sh010.clip.swp',
      '/p/._sh010.clip',
      '/p/sh010.clip.part',
      '/p/sh010.batch',
    ]) {
      expect(isOpenClipCandidate(p), p).toBe(false);
    }
  });

  it('edge 24: tells backups from temp files from other files', () => {
    expect(classifyClipFile('a.clip.bak.02')).toBe('backup');
    expect(classifyClipFile('_tmp.clip')).toBe('temp');
    expect(classifyClipFile('a.exr')).toBe('other');
    expect(classifyClipFile('C:\\clips\\a.clip')).toBe('clip');
  });
});

describe('edge 6: pattern clips are versioned on disk', () => {
  const fixture = readFileSync(new URL('../../../tests/fixtures/openclip/pattern_scan.clip', import.meta.url));
  const r = parseOpenClip(fixture, { clipPath: '/mnt/projects/acme_spot/shots/sh050/openclip/sh050.clip' });
  if (!r.ok) throw new Error(r.error.reason);
  const pattern = r.clip.scanPattern!;
  const dir = '/mnt/projects/acme_spot/shots/sh050/media/renders';
  const listing = [
    ...[1001, 1002, 1003].map((f) => `${dir}/sh050_comp_v002/sh050_comp_v002.${f}.exr`),
    ...[1001, 1003].map((f) => `${dir}/sh050_comp_v001/sh050_comp_v001.${f}.exr`),
    `${dir}/sh050_comp_v010/sh050_comp_v010.0997.exr`,
    `${dir}/sh050_comp_v003/sh050_comp_v004.1001.exr`, // {version} disagrees with itself
    `${dir}/sh050_comp_v002/sh050_comp_v002.1001.exr.tmp`,
    `${dir}/other/readme.txt`,
  ];

  it('edge 6: a handler-only clip parses as kind=pattern with its ScanPattern', () => {
    expect(r.clip.kind).toBe('pattern');
    expect(r.clip.versions).toEqual([]);
  });

  it('edge 6: expands {version} and {frame} against a listing, in version order, with gaps counted', () => {
    const versions = matchScanPattern(pattern, listing);
    expect(versions.map((v) => [v.version, v.files, v.frames])).toEqual([
      ['001', 2, { first: 1001, last: 1003, padding: 4, count: 3, missing: 1 }],
      ['002', 3, { first: 1001, last: 1003, padding: 4, count: 3, missing: 0 }],
      ['010', 1, { first: 997, last: 997, padding: 4, count: 1, missing: 0 }],
    ]);
    expect(versions[0]?.firstPath).toBe(`${dir}/sh050_comp_v001/sh050_comp_v001.1001.exr`);
  });

  it('edge 6: custom tokens and {extension} are captured; no {frame} means one file per version', () => {
    const versions = matchScanPattern('/r/{shotName}/{shotName}_v{version}.{extension}', ['/r/sh1/sh1_v1.mov', '/r/sh1/sh1_v2.mov', '/r/sh1/sh2_v3.mov']);
    expect(versions.map((v) => [v.version, v.tokens, v.frames])).toEqual([
      ['1', { shotName: 'sh1', extension: 'mov' }, null],
      ['2', { shotName: 'sh1', extension: 'mov' }, null],
    ]);
  });

  it('a {frame} feed path without {version} gives one group with its disk range', () => {
    const versions = matchScanPattern('/p/plates/bg.{frame}.dpx', ['/p/plates/bg.0099.dpx', '/p/plates/bg.0100.dpx', '/p/plates/bg.dpx']);
    expect(versions).toEqual([{ version: '', tokens: {}, frames: { first: 99, last: 100, padding: 4, count: 2, missing: 0 }, files: 2, firstPath: '/p/plates/bg.0099.dpx' }]);
  });

  it('regex characters in the pattern are literal', () => {
    expect(matchScanPattern('/p/a+b (1)/x.{frame}.exr', ['/p/a+b (1)/x.1.exr', '/p/aab (1)/x.1.exr']).map((v) => v.files)).toEqual([1]);
  });
});
