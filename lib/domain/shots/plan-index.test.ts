import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenClip, parseOpenClip, type TOpenClip, type TParseResult } from '@/lib/domain/openclip';
import { planIndex, type TStoredShot } from './plan-index';
import { originSite, versionRows } from './version-rows';

const SH020 = '/mnt/projects/acme_spot/shots/sh020/openclip/output_clips/sh020_publish.clip';
const text = (name: string) => readFileSync(new URL(`../../../tests/fixtures/openclip/${name}`, import.meta.url), 'utf8');
const parse = (xml: string, clipPath = SH020): TParseResult => parseOpenClip(xml, { clipPath });
const clipOf = (r: TParseResult): TOpenClip => {
  if (!r.ok) throw new Error(r.error.reason);
  return r.clip;
};
const roots = [
  { site: 'east', root: '/hs/east/projects' },
  { site: 'west', root: '/hs/west/projects' },
];
const ctx = { roots, siteNames: new Map([['east', 'Studio East'], ['west', 'Studio West']]) };

/** What the scanner would have stored after indexing `clip`. */
function stored(clip: TOpenClip, extra: Partial<TStoredShot> = {}): TStoredShot {
  return {
    currentVuid: clip.currentVersion, latestVuid: clip.latestVersion, parseError: null, snapshot: clip,
    versions: versionRows(clip, roots).map((r) => ({ vuid: r.vuid, name: r.name, position: r.position, contentHash: r.contentHash, siteId: r.siteId, removedAt: null })),
    ...extra,
  };
}

describe('planIndex', () => {
  it('a shot seen for the first time is discovered with every version, and nobody is told', () => {
    const plan = planIndex(null, parse(text('three_versions_current_v2.clip')), ctx);
    expect(plan).toMatchObject({ kind: 'indexed', currentVuid: 'v002', latestVuid: 'v003', announce: [], remove: [] });
    if (plan.kind !== 'indexed') return;
    expect(plan.create.map((r) => [r.vuid, r.position, r.frameStart, r.frameEnd])).toEqual([['v001', 0, 1001, 1100], ['v002', 1, 1001, 1100], ['v003', 2, 997, 1104]]);
    expect(plan.events.map((e) => e.kind)).toEqual(['discovered']);
  });

  it('one appended version is one create, one event and one announcement', () => {
    const before = stored(clipOf(parse(text('three_versions_before_v3.clip'))));
    const plan = planIndex(before, parse(text('three_versions_current_v2.clip')), ctx);
    expect(plan).toMatchObject({ kind: 'indexed', announce: ['v003'], update: [], remove: [] });
    if (plan.kind !== 'indexed') return;
    expect(plan.create.map((r) => r.vuid)).toEqual(['v003']);
    expect(plan.events).toEqual([{ kind: 'version-added', vuid: 'v003', summary: 'v003 added', data: {} }]);
  });

  it('the truncated fixture fails, keeps every version and records the error once', () => {
    const before = stored(clipOf(parse(text('three_versions_current_v2.clip'))));
    const plan = planIndex(before, parse(text('malformed_truncated.clip')), ctx);
    expect(plan).toMatchObject({ kind: 'failed', error: { code: 'TRUNCATED', line: 19 }, errorChanged: true });
    if (plan.kind !== 'failed') return;
    expect(plan.errorText).toMatch(/^TRUNCATED: .*\(line 19\)$/);
    expect(plan.events[0]?.summary).toContain('the 3 known versions are kept');
    const again = planIndex({ ...before, parseError: plan.errorText }, parse(text('malformed_truncated.clip')), ctx);
    expect(again).toMatchObject({ kind: 'failed', errorChanged: false, events: [] });
  });

  it('recovering from an error says so, and a rewrite marks versions removed, never deletes them', () => {
    const three = clipOf(parse(text('three_versions_current_v2.clip')));
    const before = stored(three, { parseError: 'TRUNCATED: x' });
    const rewritten = buildOpenClip({
      name: 'sh020_publish',
      versions: [{ vuid: 'v003', name: 'v003', createdAt: '2026-03-04T10:00:00', mediaPath: '../../media/renders/sh020_v003/sh020_v003.[0997-1104].exr' }],
    });
    const plan = planIndex(before, parse(rewritten), ctx);
    expect(plan).toMatchObject({ kind: 'indexed', remove: ['v001', 'v002'], create: [], announce: [] });
    if (plan.kind !== 'indexed') return;
    expect(plan.events.map((e) => e.kind)).toEqual(['parse-recovered', 'clip-rewritten', 'schema-changed', 're-rendered', 'metadata-changed', 'current-changed']);
    // The old versions coming back (someone restored the backup) clears the removal.
    const after = stored(clipOf(parse(rewritten)), { versions: before.versions.map((v) => ({ ...v, removedAt: v.vuid === 'v003' ? null : new Date() })) });
    const restored = planIndex(after, parse(text('three_versions_current_v2.clip')), ctx);
    expect(restored).toMatchObject({ kind: 'indexed', restore: ['v001', 'v002'] });
  });

  it('a re-render of the same vuid updates its row and logs what changed', () => {
    const three = text('three_versions_current_v2.clip');
    const before = stored(clipOf(parse(three)));
    const plan = planIndex(before, parse(three.replace('sh020_v002.[1001-1100]', 'sh020_v002.[1001-1110]')), ctx);
    expect(plan).toMatchObject({ kind: 'indexed', create: [], announce: [] });
    if (plan.kind !== 'indexed') return;
    expect(plan.update.map((r) => [r.vuid, r.frameEnd])).toEqual([['v002', 1110]]);
    expect(plan.events).toMatchObject([{ kind: 're-rendered', vuid: 'v002' }]);
  });

  it('rows indexed before snapshots existed: only vuids missing from the rows are new', () => {
    const three = clipOf(parse(text('three_versions_current_v2.clip')));
    const before = stored(three, { snapshot: null, versions: stored(three).versions.slice(0, 2) });
    const plan = planIndex(before, parse(text('three_versions_current_v2.clip')), ctx);
    expect(plan).toMatchObject({ kind: 'indexed', announce: ['v003'], events: [{ kind: 'version-added', vuid: 'v003' }] });
  });
});

describe('which site made a version', () => {
  it('is the site whose projects root holds its Batch setup or media, longest root first', () => {
    expect(originSite(['/hs/west/projects/n/sq/sh/batch/sh_v004.batch'], roots)).toBe('west');
    expect(originSite([null, '/hs/east/projects/n/x.exr'], roots)).toBe('east');
    expect(originSite(['/hs/eastern/projects/x'], roots)).toBeNull();
    // A relative path resolves against whoever reads it: it names no origin.
    expect(originSite(['batch/sh_v004.batch', '../renders/x.exr'], roots)).toBeNull();
  });

  it('comes from the version rows of a clip rendered at West', () => {
    const xml = buildOpenClip({
      name: 'sh010',
      versions: [
        { vuid: 'v001', name: 'v001', createdAt: '2026-03-01T10:00:00', mediaPath: '/hs/east/projects/n/r/sh010_v001.[1001-1010].exr', batchSetup: '/hs/east/projects/n/b/sh010_v001.batch' },
        { vuid: 'v002', name: 'v002', createdAt: '2026-03-02T11:30:00', mediaPath: '/hs/west/projects/n/r/sh010_v002.[1001-1010].exr' },
      ],
    });
    const rows = versionRows(clipOf(parse(xml, '/hs/east/projects/n/sequences/s/sh010/sh010.clip')), roots);
    expect(rows.map((r) => [r.vuid, r.siteId, r.clipCreated?.toISOString()])).toEqual([
      ['v001', 'east', '2026-03-01T10:00:00.000Z'],
      ['v002', 'west', '2026-03-02T11:30:00.000Z'],
    ]);
  });
});
