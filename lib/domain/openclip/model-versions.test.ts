import { describe, expect, it } from 'vitest';
import { compareNumberedUids, compareVersions, trailingNumber } from './model-versions';
import { parseOpenClip } from './parse';
import type { TOpenClip } from './types';

const parse = (body: string): TOpenClip => {
  const r = parseOpenClip(`<clip type="clip" version="7">${body}</clip>`, { clipPath: '/s/sh.clip' });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.reason}`);
  return r.clip;
};
const feeds = (vuids: string[], current?: string) =>
  `<tracks><track uid="video"><trackType>video</trackType><feeds${current ? ` currentVersion="${current}"` : ''}>` +
  vuids.map((v) => `<feed vuid="${v}" uid="f-${v}"><spans><span><path>${v}.[1-2].exr</path></span></spans></feed>`).join('') +
  '</feeds></track></tracks>';
const version = (uid: string, inner = '') => `<version uid="${uid}"><name>${uid}</name>${inner}</version>`;
const versions = (items: string[], current?: string) => `<versions${current ? ` currentVersion="${current}"` : ''}>${items.join('')}</versions>`;
const codes = (c: TOpenClip) => c.warnings.map((w) => w.code);

describe('versions and current', () => {
  it('edge 5: without <versions>, versions come from feed vuids in first-seen order; the last is current', () => {
    const clip = parse(feeds(['a', 'b', 'c']).replace('</tracks>', '') + `<track uid="x"><trackType>audio</trackType><feeds><feed vuid="z" uid="q"/></feeds></track></tracks>`);
    expect(clip.versions.map((v) => v.uid)).toEqual(['a', 'b', 'c', 'z']);
    expect(clip.currentVersion).toBe('z');
    expect(clip.currentSource).toBe('last');
    expect(codes(clip)).toEqual([]);
  });

  it('edge 5: with feeds@currentVersion only, that is the clip current', () => {
    const clip = parse(feeds(['v1', 'v2', 'v3'], 'v2'));
    expect([clip.currentVersion, clip.currentSource, clip.latestVersion]).toEqual(['v2', 'feeds', 'v3']);
  });

  it('edge 7: a dangling versions@currentVersion is stored, flagged, and falls back to feeds then last', () => {
    const clip = parse(feeds(['v000', 'v001']) + versions([version('v000'), version('v001')], 'v002'));
    expect(clip.declaredCurrentVersion).toBe('v002');
    expect([clip.currentVersion, clip.currentSource]).toEqual(['v001', 'last']);
    expect(codes(clip)).toEqual(['DANGLING_CURRENT_VERSION']);
    const viaFeeds = parse(feeds(['v000', 'v001'], 'v000') + versions([version('v000'), version('v001')], 'v009'));
    expect([viaFeeds.currentVersion, viaFeeds.currentSource]).toEqual(['v000', 'feeds']);
  });

  it('edge 7: feeds@currentVersion matching no feed means No Media for that track', () => {
    const clip = parse(feeds(['v1'], 'v7') + versions([version('v1')], 'v1'));
    expect(clip.tracks[0]).toMatchObject({ declaredCurrentVersion: 'v7', currentVersion: null });
    expect(codes(clip)).toEqual(['FEEDS_CURRENT_NO_MEDIA', 'TRACK_CURRENT_OUT_OF_SYNC']);
  });

  it('edge 7: feeds and versions disagreeing: the clip follows <versions>, the track its feeds, flagged', () => {
    const clip = parse(feeds(['v1', 'v2'], 'v1') + versions([version('v1'), version('v2')], 'v2'));
    expect([clip.currentVersion, clip.tracks[0]?.currentVersion]).toEqual(['v2', 'v1']);
    expect(codes(clip)).toEqual(['TRACK_CURRENT_OUT_OF_SYNC']);
  });

  it('edge 9: feeds without <version> entries and entries without feeds are both kept and reported', () => {
    const clip = parse(feeds(['v1', 'v2']) + versions([version('v1'), version('v3')]));
    expect(clip.versions.map((v) => [v.uid, v.declared, v.trackUids.length])).toEqual([
      ['v1', true, 1],
      ['v2', false, 1],
      ['v3', true, 0],
    ]);
    expect(codes(clip)).toEqual(['FEED_WITHOUT_VERSION_ENTRY', 'VERSION_WITHOUT_FEEDS']);
    expect(clip.currentVersion).toBe('v2'); // the last entry in document order: <version>s first, then feed-only vuids
  });

  it('edge 11: arbitrary identifiers; document order is not chronology (OpenPype inserts at 0)', () => {
    const clip = parse(versions([version('v0010'), version('v0009'), version('v0100'), version('v0001')]));
    expect(clip.versions.map((v) => v.uid)).toEqual(['v0001', 'v0009', 'v0010', 'v0100']);
    expect(clip.latestVersion).toBe('v0100');
    expect(clip.currentVersion).toBe('v0001'); // last <version> in the document, per the spec
  });

  it('edge 11: versionNumber wins over names; UUIDs order by creation date, then document order', () => {
    const num = (n: number) => `<userData type="dict"><versionNumber type="uint64">${n}</versionNumber></userData>`;
    const byNumber = parse(versions([version('LIGHT_v003', num(3)), version('COMP_v001', num(1)), version('comp_v02', num(2))]));
    expect(byNumber.versions.map((v) => v.uid)).toEqual(['COMP_v001', 'comp_v02', 'LIGHT_v003']);
    const date = (d: string) => `<creationDate>${d}</creationDate>`;
    const uuids = parse(
      versions([
        version('9f1c2e4a-0000-4000-8000-000000000002', date('2026/03/02 10:00:00')),
        version('1a2b3c4d-0000-4000-8000-000000000001', date('2026/03/03 10:00:00')),
        version('55555555-0000-4000-8000-000000000003'),
      ]),
    );
    expect(uuids.versions.map((v) => v.uid.slice(0, 4))).toEqual(['9f1c', '1a2b', '5555']);
  });

  it('natural ordering helpers compare digit strings of any length', () => {
    expect(compareNumberedUids('v9', 'v10')).toBeLessThan(0);
    expect(compareNumberedUids('comp_v01', 'COMP_v2')).toBeLessThan(0);
    expect(compareNumberedUids('a1', 'b2')).toBe(0);
    expect(compareNumberedUids('v123456789012345678901', 'v123456789012345678902')).toBeLessThan(0);
    expect(trailingNumber('comp_v01')).toBe(1);
    expect(trailingNumber('final')).toBeNull();
    const v = (uid: string, documentIndex: number) => ({ uid, versionNumber: null, creationDate: null, documentIndex });
    expect([v('x', 1), v('y', 0)].sort(compareVersions).map((x) => x.uid)).toEqual(['y', 'x']);
  });

  it('reads version name, comment and batchSetup; names default to the uid', () => {
    const clip = parse(
      versions([
        '<version uid="v1"><comment>ok</comment><userData type="dict"><batchSetup type="binary">/b/v1.batch</batchSetup></userData></version>',
        '<version/>',
        '<version uid="v1"><name>dup</name></version>',
      ]),
    );
    expect(clip.versions).toMatchObject([{ uid: 'v1', name: 'v1', comment: 'ok', batchSetup: '/b/v1.batch' }]);
    expect(codes(clip)).toEqual(['MISSING_ATTRIBUTE', 'DUPLICATE_VERSION_UID']);
  });
});
