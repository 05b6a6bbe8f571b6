import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffClips, reconcileParse } from './diff';
import { parseOpenClip } from './parse';
import type { TOpenClip } from './types';

const SH020 = '/mnt/projects/acme_spot/shots/sh020/openclip/output_clips/sh020_publish.clip';
const text = (name: string) => readFileSync(new URL(`../../../tests/fixtures/openclip/${name}`, import.meta.url), 'utf8');
const parse = (xml: string, clipPath = SH020): TOpenClip => {
  const r = parseOpenClip(xml, { clipPath });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.reason}`);
  return r.clip;
};
const THREE = text('three_versions_current_v2.clip');
const TWO = text('three_versions_before_v3.clip');

describe('diffClips (openclip.md §2.4 and §5.2)', () => {
  it('5.2: loading the three-version file after the two-version copy is one version-added(v003), current unchanged', () => {
    expect(diffClips(parse(TWO), parse(THREE))).toEqual([{ type: 'version-added', uid: 'v003', name: 'v003' }]);
  });

  it('5.2: changing only currentVersion to v003 in both places is one current-changed', () => {
    const moved = THREE.replaceAll('currentVersion="v002"', 'currentVersion="v003"');
    expect(diffClips(parse(THREE), parse(moved))).toEqual([{ type: 'current-changed', from: 'v002', to: 'v003' }]);
  });

  it('the same content twice gives no events', () => {
    expect(diffClips(parse(THREE), parse(THREE))).toEqual([]);
  });

  it('a first sighting is clip-discovered with every version', () => {
    expect(diffClips(null, parse(THREE))).toEqual([{ type: 'clip-discovered', versions: ['v001', 'v002', 'v003'], current: 'v002' }]);
  });

  it('same vuid with a new frame range, path or start is re-rendered, naming what changed', () => {
    const ranged = THREE.replace('sh020_v003.[0997-1104]', 'sh020_v003.[1001-1104]');
    expect(diffClips(parse(THREE), parse(ranged))).toEqual([{ type: 're-rendered', uid: 'v003', changes: ['media-path', 'frame-range'] }]);
    const restarted = THREE.replace('<nbTicks>89996</nbTicks>', '<nbTicks>89990</nbTicks>');
    expect(diffClips(parse(THREE), parse(restarted))).toEqual([{ type: 're-rendered', uid: 'v003', changes: ['start'] }]);
    const redated = THREE.replace('2026/03/04 08:13:50', '2026/03/05 08:13:50');
    expect(diffClips(parse(THREE), parse(redated))).toEqual([{ type: 're-rendered', uid: 'v003', changes: ['creation-date'] }]);
  });

  it('same vuid with new media on disk (caller stamps) is re-rendered', () => {
    const events = diffClips(parse(THREE), parse(THREE), { beforeMedia: { v001: 'm1', v003: 'a' }, afterMedia: { v001: 'm1', v003: 'b' } });
    expect(events).toEqual([{ type: 're-rendered', uid: 'v003', changes: ['media-stamp'] }]);
  });

  it('metadata edits (a comment added at approval) are version-metadata-changed', () => {
    const commented = THREE.replace('<name>v003</name>', '<name>v003</name><comment>final</comment>');
    expect(diffClips(parse(THREE), parse(commented))).toEqual([{ type: 'version-metadata-changed', uid: 'v003', fields: ['comment'] }]);
  });

  it('edge 26: the Write File node rewriting the clip drops versions: clip-rewritten, never deletions', () => {
    const after = parse(TWO.replace(/<feed type="feed" vuid="v001"[\s\S]*?<\/feed>/, '').replace(/<version type="version" uid="v001">[\s\S]*?<\/version>/, ''));
    const events = diffClips(parse(THREE), after);
    expect(events[0]).toMatchObject({ type: 'clip-rewritten', reason: 'versions-removed', removed: ['v001', 'v003'] });
    expect(events.map((e) => e.type)).toEqual(['clip-rewritten']);
  });

  it('edge 26: a much smaller file with the same uids is clip-rewritten (file-shrunk)', () => {
    const before = { ...parse(THREE), byteLength: 43_000 };
    const events = diffClips(before, parse(THREE));
    expect(events).toEqual([{ type: 'clip-rewritten', reason: 'file-shrunk', removed: [], beforeBytes: 43_000, afterBytes: THREE.length }]);
  });

  it('a schema change is reported', () => {
    const v7 = THREE.replace('<clip type="clip" version="6">', '<clip type="clip" version="7">');
    expect(diffClips(parse(THREE), parse(v7))).toEqual([{ type: 'schema-changed', from: 6, to: 7 }]);
  });
});

describe('reconcileParse (edge 3 and §5.4)', () => {
  it('edge 3: a half-written file keeps the previous snapshot and emits no events', () => {
    const good = parse(THREE);
    const half = parseOpenClip(THREE.slice(0, THREE.length / 2), { clipPath: SH020 });
    const r = reconcileParse(good, half);
    expect(r.snapshot).toBe(good);
    expect(r.events).toEqual([]);
    expect(r.error?.code).toBe('TRUNCATED');
  });

  it('5.4: the truncated fixture never reads as v003 removed or v004 added', () => {
    const truncated = parseOpenClip(text('malformed_truncated.clip'), { clipPath: '/x/sh040.clip' });
    expect(reconcileParse(null, truncated)).toEqual({ snapshot: null, events: [], error: expect.objectContaining({ code: 'TRUNCATED' }) });
  });

  it('a good parse replaces the snapshot and carries the diff', () => {
    const r = reconcileParse(parse(TWO), parseOpenClip(THREE, { clipPath: SH020 }));
    expect(r.snapshot?.versions.length).toBe(3);
    expect(r.events).toEqual([{ type: 'version-added', uid: 'v003', name: 'v003' }]);
    expect(r.error).toBeNull();
  });
});
