import { describe, expect, it } from 'vitest';
import { parseMediaPath } from './media-path';
import { parseOpenClip } from './parse';
import { basenamePath, dirnamePath, normalizePath, resolvePath } from './posix-path';

const DIR = '/mnt/projects/acme/shots/sh010/openclip';
const parse = (raw: string, encoding: string | null = 'pattern') => parseMediaPath(raw, encoding, DIR);
const codes = (raw: string, encoding: string | null = 'pattern') => parse(raw, encoding).warnings.map((w) => w.code);

describe('edge 14: relative and absolute paths', () => {
  it('edge 14: resolves relative paths from the clip folder and keeps absolute ones', () => {
    expect(parse('../media/a.[1-2].exr').path.resolved).toBe('/mnt/projects/acme/shots/sh010/media/a.[1-2].exr');
    expect(parse('./a.exr').path.resolved).toBe(`${DIR}/a.exr`);
    expect(parse('/Volumes/projects/a.exr').path.resolved).toBe('/Volumes/projects/a.exr');
  });

  it('edge 14: turns legacy Windows backslashes into slashes', () => {
    expect(parse('..\\media\\a.exr', 'file').path.resolved).toBe('/mnt/projects/acme/shots/sh010/media/a.exr');
    expect(parse('P:\\shots\\a.exr', 'file').path.resolved).toBe('P:/shots/a.exr');
  });

  it('posix helpers normalise without climbing above the root', () => {
    expect(normalizePath('/a/./b//../../../c')).toBe('/c');
    expect(normalizePath('a/../../b')).toBe('../b');
    expect(dirnamePath('/a/b.clip')).toBe('/a');
    expect(dirnamePath('b.clip')).toBe('.');
    expect(basenamePath('/a/b.clip')).toBe('b.clip');
    expect(resolvePath('/base', '/abs/x')).toBe('/abs/x');
  });
});

describe('edge 15: Flame frame-range patterns', () => {
  it('edge 15: padding is the width of the first number', () => {
    expect(parse('a.[099-10005].dpx').path.frameRange).toEqual({ first: 99, last: 10005, padding: 3, count: 9907 });
    expect(parse('a.[00001001-00001120].exr').path.frameRange).toEqual({ first: 1001, last: 1120, padding: 8, count: 120 });
    expect(parse('a.[1-5].dpx').path.frameRange).toEqual({ first: 1, last: 5, padding: 1, count: 5 });
  });

  it('edge 15: allows whitespace inside the brackets, as in Autodesk’s own example', () => {
    expect(parse('a.[0000-0004 ].dpx').path.frameRange).toEqual({ first: 0, last: 4, padding: 4, count: 5 });
    expect(parse('a.[ 10 - 12 ].dpx').path.frameRange?.count).toBe(3);
  });

  it('edge 15: {frame} is unbounded; its range needs a disk scan', () => {
    const { path } = parse('v{version}/a.{frame}.exr');
    expect(path).toMatchObject({ syntax: 'frame-token', unbounded: true, frameRange: null, tokens: ['version', 'frame'] });
  });

  it('edge 15: accepts negative frames but flags them; flags reversed and absurd ranges', () => {
    expect(parse('a.[-5-5].exr').path.frameRange).toEqual({ first: -5, last: 5, padding: 1, count: 11 });
    expect(codes('a.[-5-5].exr')).toEqual(['NEGATIVE_FRAME']);
    expect(parse('a.[10-1].exr').path.frameRange).toBeNull();
    expect(codes('a.[10-1].exr')).toEqual(['INVALID_RANGE']);
    expect(codes('a.[1-9999999999999999].exr')).toEqual(['INVALID_RANGE']);
  });

  it('edge 15: with several ranges the last (file name) one is used, with a warning', () => {
    const r = parse('/r/[1-2]/a.[1001-1010].exr');
    expect(r.path.frameRange?.first).toBe(1001);
    expect(r.warnings.map((w) => w.code)).toEqual(['MULTIPLE_RANGES']);
  });
});

describe('edge 16/17/18: encodings, single files, non-Flame syntaxes', () => {
  it('edge 16: a missing encoding is inferred from the text', () => {
    expect(parse('a.[1-2].exr', null).path.encoding).toBe('pattern');
    expect(parse('a.{frame}.exr', null).path.encoding).toBe('pattern');
    expect(parse('a.mov', null).path.encoding).toBe('file');
  });

  it('edge 16: encoding="file" on a bracketed path stays file, keeps the range and warns', () => {
    const r = parse('a.[1-2].exr', 'file');
    expect(r.path).toMatchObject({ encoding: 'file', syntax: 'range', frameRange: { first: 1, last: 2 } });
    expect(r.warnings.map((w) => w.code)).toEqual(['ENCODING_MISMATCH']);
  });

  it('edge 17: single movie or still files have no range', () => {
    expect(parse('/m/a.mov', 'file').path).toMatchObject({ syntax: 'single', frameRange: null, unbounded: false, encoding: 'file' });
    expect(parse('/m/still.png', 'file').warnings).toEqual([]);
  });

  it('edge 18: %04d and #### are accepted and flagged; startFrame + duration give the range', () => {
    expect(parse('a.%04d.exr').path.syntax).toBe('printf');
    expect(parse('a.####.exr').path.syntax).toBe('hashes');
    expect(codes('a.####.exr')).toEqual(['NON_FLAME_SEQUENCE_SYNTAX']);
    const xml = `<clip version="7"><tracks><track uid="v"><trackType>video</trackType><feeds>
      <feed vuid="v1" uid="f"><startFrame>1001</startFrame><spans><span><duration>48</duration>
      <path encoding="pattern">/r/a.%04d.exr</path></span></spans></feed></feeds></track></tracks></clip>`;
    const r = parseOpenClip(xml, { clipPath: '/r/a.clip' });
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.clip.versions[0]?.frameRange).toEqual({ first: 1001, last: 1048, padding: 4, count: 48 });
    expect(r.clip.warnings.map((w) => w.code)).toEqual(['NON_FLAME_SEQUENCE_SYNTAX']);
  });
});
