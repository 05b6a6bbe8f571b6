import { describe, expect, it } from 'vitest';
import { parseOpenClip } from './parse';
import type { TOpenClip } from './types';

const parse = (body: string, clipPath = '/show/sh/openclip/sh.clip'): TOpenClip => {
  const r = parseOpenClip(`<clip type="clip" version="7">${body}</clip>`, { clipPath });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.reason}`);
  return r.clip;
};
const feed = (vuid: string, path: string, extra = '', uid = `f-${vuid}`) =>
  `<feed vuid="${vuid}" uid="${uid}">${extra}<spans><span><path encoding="pattern">${path}</path></span></spans></feed>`;
const track = (uid: string, type: string, feeds: string, extra = '') => `<track uid="${uid}"><trackType>${type}</trackType>${extra}<feeds>${feeds}</feeds></track>`;
const codes = (c: TOpenClip) => c.warnings.map((w) => w.code);

describe('tracks and feeds', () => {
  it('edge 8: a version missing from some tracks is legal and consists of the tracks that have it', () => {
    const clip = parse(`<tracks>${track('rgba', 'video', feed('v1', 'a1.[1-2].exr') + feed('v2', 'a2.[1-2].exr'))}${track('aov', 'video', feed('v1', 'b1.[1-2].exr'))}</tracks>`);
    expect(clip.versions.map((v) => [v.uid, v.trackUids])).toEqual([
      ['v1', ['rgba', 'aov']],
      ['v2', ['rgba']],
    ]);
    expect(clip.tracks.map((t) => t.currentVersion)).toEqual(['v2', 'v1']);
    expect(codes(clip)).toEqual([]);
  });

  it('edge 10: duplicate feed uids across tracks are fine: feeds are keyed by (track, vuid)', () => {
    const clip = parse(`<tracks>${track('a', 'video', feed('v0', 'a.[1-2].exr', '', 'f0'))}${track('b', 'video', feed('v0', 'b.[1-2].exr', '', 'f0'))}</tracks>`);
    expect(clip.tracks.map((t) => t.feeds[0]?.uid)).toEqual(['f0', 'f0']);
    expect(clip.versions.map((v) => v.uid)).toEqual(['v0']);
    expect(codes(clip)).toEqual([]);
  });

  it('edge 10: feed uid equal to vuid (2026 tracks example) is fine too', () => {
    const clip = parse(`<tracks>${track('a', 'video', feed('v1', 'a.[1-2].exr', '', 'v1'))}</tracks>`);
    expect(clip.versions[0]?.uid).toBe('v1');
  });

  it('edge 10: a duplicate vuid within one track or a duplicate track uid is kept apart with a warning', () => {
    const clip = parse(`<tracks>${track('a', 'video', feed('v1', 'x.[1-2].exr') + feed('v1', 'y.[1-2].exr'))}${track('a', 'audio', feed('v1', 'z.wav'))}</tracks>`);
    expect(clip.tracks.map((t) => t.uid)).toEqual(['a', 'a#1']);
    expect(clip.tracks[0]?.feeds.map((f) => f.spans[0]?.path?.raw)).toEqual(['x.[1-2].exr']);
    expect(codes(clip)).toEqual(['DUPLICATE_FEED_VUID', 'DUPLICATE_TRACK_UID']);
  });

  it('edge 13: picks the main picture: rgba/video/BEAUTY by name, else the first plain video track', () => {
    const base = (uids: [string, string, string][]) =>
      parse(`<tracks>${uids.map(([u, t, x]) => track(u, t, feed('v1', `${u}.[1-2].exr`), x)).join('')}</tracks>`).mainTrackUid;
    expect(base([['audio', 'audio', ''], ['matte', 'video', '<extendedType>matte</extendedType>'], ['BEAUTY:Master', 'video', '']])).toBe('BEAUTY:Master');
    expect(base([['m', 'video', '<extendedType>matte</extendedType>'], ['plain', 'video', '']])).toBe('plain');
    expect(base([['x', 'video', '<name>rgba</name>'], ['y', 'video', '']])).toBe('x');
    expect(base([['l', 'audio', '']])).toBe('l');
  });

  it('edge 13: multi-channel EXR tracks share one path; audio picks channels with trackIndex', () => {
    const exr = '/r/multi.[1-10].exr';
    const clip = parse(
      `<tracks>${track('BEAUTY', 'video', feed('v1', exr))}${track('DIFFUSE', 'video', feed('v1', exr))}` +
        track('L', 'audio', '<feed vuid="v1" uid="l"><spans><span><trackIndex>1</trackIndex><path>/r/mix.wav</path></span></spans></feed>') +
        '</tracks>',
    );
    expect(clip.tracks.slice(0, 2).map((t) => t.feeds[0]?.spans[0]?.path?.resolved)).toEqual([exr, exr]);
    expect(clip.tracks[2]?.feeds[0]?.spans[0]).toMatchObject({ trackIndex: 1, path: { encoding: 'file' } });
  });

  it('edge 13: stereo spans use <paths>; the first eye stands for the span', () => {
    const clip = parse(
      `<tracks>${track('v', 'video', '<feed vuid="v1" uid="f"><spans><span><paths><path encoding="pattern">L.[1-5].exr</path><path encoding="pattern">R.[1-5].exr</path></paths></span></spans></feed>')}</tracks>`,
    );
    const span = clip.tracks[0]!.feeds[0]!.spans[0]!;
    expect(span.stereoPaths.map((p) => p.raw)).toEqual(['L.[1-5].exr', 'R.[1-5].exr']);
    expect(span.path?.raw).toBe('L.[1-5].exr');
    expect(clip.versions[0]?.frameRange?.count).toBe(5);
  });

  it('edge 19: spans concatenate; a gap has a duration and no path; span duration overrides the media', () => {
    const spans =
      '<span><duration><nbTicks>10</nbTicks></duration></span>' +
      '<span><duration><rate>48</rate><nbTicks>20</nbTicks></duration><path>a.[1001-1100].exr</path></span>' +
      '<span><path>b.[2001-2005].exr</path></span><span/>';
    const clip = parse(`<editRate>24</editRate><tracks>${track('v', 'video', `<feed vuid="v1" uid="f"><spans>${spans}</spans></feed>`)}</tracks>`);
    const f = clip.tracks[0]!.feeds[0]!;
    expect(f.spans.map((s) => [s.kind, s.frameCount])).toEqual([
      ['gap', 10],
      ['media', 10],
      ['media', 5],
      ['empty', null],
    ]);
    expect(f.frameRange).toEqual({ first: 1001, last: 2005, padding: 4, count: 1005 });
    expect(f.frameCount).toBeNull();
  });

  it('edge 19: feed startFrame may differ between versions (1 vs 1001): warned', () => {
    const clip = parse(`<tracks>${track('v', 'video', feed('v1', 'a.[1-2].exr', '<startFrame>1001</startFrame>') + feed('v2', 'b.[1-2].exr', '<startFrame>1</startFrame>'))}</tracks>`);
    expect(clip.tracks[0]?.feeds.map((f) => f.startFrame)).toEqual([1001, 1]);
    expect(clip.warnings).toMatchObject([{ code: 'START_CHANGED', versionUid: 'v2' }]);
  });

  it('warns when a new version’s start timecode moves without its frames (Write File at 00:00:00:00)', () => {
    const tc = (ticks: number) => `<startTimecode><rate>24</rate><nbTicks>${ticks}</nbTicks></startTimecode>`;
    const clip = parse(`<tracks>${track('v', 'video', feed('v1', 'a.[1001-1010].exr', tc(86400)) + feed('v2', 'b.[1001-1010].exr', tc(0)))}</tracks>`);
    expect(clip.warnings).toMatchObject([{ code: 'START_CHANGED', message: expect.stringContaining('00:00:00:00') }]);
  });

  it('edge 20: mixed frame rates across versions of a video track are warned, audio rates are not', () => {
    const rate = (n: number) => `<sampleRate>${n}</sampleRate>`;
    const clip = parse(
      `<tracks>${track('v', 'video', feed('v1', 'a.[1-2].exr', rate(24)) + feed('v2', 'b.[1-2].exr', rate(25)))}${track('a', 'audio', feed('v1', 'a.wav', rate(48000)))}</tracks>`,
    );
    expect(clip.warnings).toMatchObject([{ code: 'MIXED_FRAME_RATES', trackUid: 'v' }]);
  });

  it('skips a feed without vuid and a track without uid, with warnings', () => {
    const clip = parse(`<tracks><track><trackType>video</trackType><feeds><feed uid="x"/>${feed('v1', 'a.exr')}</feeds></track></tracks>`);
    expect(clip.tracks.map((t) => [t.uid, t.feeds.length])).toEqual([['#0', 1]]);
    expect(codes(clip)).toEqual(['MISSING_ATTRIBUTE', 'MISSING_ATTRIBUTE']);
  });
});
