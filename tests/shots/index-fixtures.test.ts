import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../helpers/db';
import { appendVersion } from '@/lib/domain/openclip';
import { indexClipFile } from '@/lib/services/shots/index-clip';
import { listShots } from '@/lib/services/shots/list-shots';
import { loadScanContext } from '@/lib/services/shots/scan-context';
import { scanPublishRoot } from '@/lib/services/shots/scan-publish-root';
import { clipRel, fixture, seedPublishStudio, writeFile, type TStudio } from './support';

const t = setupTestDatabase();
let s: TStudio;
beforeAll(async () => {
  s = await seedPublishStudio(t.db);
});
afterAll(() => s?.cleanup());

const context = async () => {
  const c = await loadScanContext();
  if (!c.ok) throw new Error(c.reason);
  return c.ctx;
};
const shotByName = (name: string) =>
  t.db.shot.findFirstOrThrow({ where: { name }, include: { versions: { orderBy: { position: 'asc' } }, events: { orderBy: { id: 'asc' } } } });

// Where each fixture goes under the default layout, and what the reference (openclip.md §5) says it holds.
const PLACED = [
  { file: 'single_version.clip', seq: 'sq010', shot: 'sh010', versions: ['v001'], current: 'v001', latest: 'v001' },
  { file: 'three_versions_current_v2.clip', seq: 'sq010', shot: 'sh020', versions: ['v001', 'v002', 'v003'], current: 'v002', latest: 'v003' },
  { file: 'multi_track.clip', seq: 'sq010', shot: 'sh030', versions: ['v001', 'v002'], current: 'v002', latest: 'v002' },
  { file: 'pattern_scan.clip', seq: 'sq010', shot: 'sh050', versions: [], current: null, latest: null },
  { file: 'legacy_no_versions.clip', seq: 'sq020', shot: 'sh060', versions: ['v0', 'v1'], current: 'v1', latest: 'v1' },
  { file: 'single_version_bom_crlf.clip', seq: 'sq020', shot: 'sh011', versions: ['v001'], current: 'v001', latest: 'v001' },
  { file: 'dangling_current.clip', seq: 'sq020', shot: 'sh070', versions: ['v000', 'v001'], current: 'v001', latest: 'v001' },
  { file: 'schema_v9_bytes.clip', seq: 'sq020', shot: 'sh080', versions: null, current: null, latest: null },
] as const;

describe('indexing the publish root', () => {
  it('indexes every fixture to the reference result; the truncated one is a shot with its error and no versions', async () => {
    for (const p of PLACED) writeFile(s.eastRoot, clipRel('acme', p.seq, p.shot), fixture(p.file));
    writeFile(s.eastRoot, clipRel('acme', 'sq020', 'sh040'), fixture('malformed_truncated.clip'));
    // Noise the scanner must not read as shots: a backup, a segment-level clip, a hidden temp copy.
    writeFile(s.eastRoot, `${clipRel('acme', 'sq010', 'sh010')}.bak`, fixture('three_versions_current_v2.clip'));
    writeFile(s.eastRoot, 'acme/sequences/sq010/sh010/sources/plate.clip', fixture('single_version.clip'));
    writeFile(s.eastRoot, 'acme/sequences/sq010/sh010/.sh010.clip.tmp', 'half');

    const report = await scanPublishRoot();
    expect(report.errors).toEqual([]);
    expect(report.counts).toMatchObject({ indexed: 8, failed: 1, 'not-a-shot': 1 });

    for (const p of PLACED) {
      const shot = await shotByName(p.shot);
      expect(shot.parseError, p.file).toBeNull();
      if (p.versions) expect(shot.versions.map((v) => v.vuid), p.file).toEqual(p.versions);
      if (p.versions) expect([shot.currentVuid, shot.latestVuid], p.file).toEqual([p.current, p.latest]);
      expect(shot.folderPath).toBe(`acme/sequences/${p.seq}/${p.shot}`);
    }
    const sh010 = await shotByName('sh010');
    expect(sh010.versions[0]).toMatchObject({ frameStart: 1001, frameEnd: 1120, batchSetup: '/mnt/projects/acme_spot/shots/sh010/batch_setups/sh010_comp_v001.batch' });
    const sh020 = await shotByName('sh020');
    expect(sh020.versions.map((v) => [v.frameStart, v.frameEnd])).toEqual([[1001, 1100], [1001, 1100], [997, 1104]]);
    // Relative media paths resolve from the clip's own folder on the home site's mount.
    expect(sh020.versions[2]?.mediaPath).toBe(path.join(s.eastRoot, 'acme/sequences/media/renders/sh020_v003/sh020_v003.[0997-1104].exr'));
    const truncated = await shotByName('sh040');
    expect(truncated.parseError).toMatch(/^TRUNCATED: .*\(line 19\)$/);
    expect(truncated.versions).toEqual([]);
    expect(truncated.events.map((e) => e.kind)).toEqual(['parse-failed']);
    expect(sh020.events.map((e) => e.kind)).toEqual(['discovered']);

    // A second pass over unchanged bytes writes nothing.
    const events = await t.db.shotEvent.count();
    const again = await scanPublishRoot();
    expect(again.counts).toMatchObject({ indexed: 0, failed: 0, unchanged: 9 });
    expect(await t.db.shotEvent.count()).toBe(events);
    // The periodic rescan trusts size and mtime as stored, so they must read back exactly.
    const abs = path.join(s.eastRoot, clipRel('acme', 'sq010', 'sh010'));
    expect(sh010.clipMtime?.getTime()).toBe(Math.floor(fs.statSync(abs).mtimeMs));
    const steady = await scanPublishRoot({ trustStat: true });
    expect(steady.counts).toMatchObject({ indexed: 0, failed: 0, unchanged: 9 });
  });

  it('a clip caught truncated keeps the previous versions and shows the error, then recovers', async () => {
    const ctx = await context();
    const abs = path.join(s.eastRoot, clipRel('acme', 'sq010', 'sh020'));
    const good = fs.readFileSync(abs, 'utf8');
    fs.writeFileSync(abs, fixture('malformed_truncated.clip'));
    expect(await indexClipFile(ctx, abs)).toMatchObject({ status: 'failed', events: ['parse-failed'] });

    const broken = await shotByName('sh020');
    expect(broken.versions.map((v) => v.vuid)).toEqual(['v001', 'v002', 'v003']);
    expect(broken.versions.every((v) => v.removedAt === null)).toBe(true);
    expect([broken.currentVuid, broken.latestVuid]).toEqual(['v002', 'v003']);
    expect(broken.parseError).toMatch(/^TRUNCATED/);
    const listed = (await listShots(s.producer)).flatMap((p) => p.sequences.flatMap((q) => q.shots)).find((x) => x.name === 'sh020');
    expect(listed).toMatchObject({ versionCount: 3, latest: { name: 'v003' }, current: { name: 'v002' }, parseError: expect.stringMatching(/^TRUNCATED/) });

    const appended = appendVersion(good, { vuid: 'v004', name: 'v004', createdAt: '2026-03-09T10:00:00', mediaPath: '../../media/renders/sh020_v004/sh020_v004.[1001-1100].exr' }, { makeCurrent: true });
    if (!appended.ok) throw new Error(appended.error.reason);
    fs.writeFileSync(abs, appended.xml);
    expect(await indexClipFile(ctx, abs)).toMatchObject({ status: 'indexed', events: ['parse-recovered', 'version-added', 'current-changed'] });
    const fixed = await shotByName('sh020');
    expect(fixed).toMatchObject({ parseError: null, parseErrorAt: null, currentVuid: 'v004', latestVuid: 'v004' });
    expect(fixed.versions.map((v) => v.vuid)).toEqual(['v001', 'v002', 'v003', 'v004']);
  });

  it('a rewritten clip marks the versions it dropped as removed and keeps them as history', async () => {
    const ctx = await context();
    const abs = path.join(s.eastRoot, clipRel('acme', 'sq010', 'sh030'));
    fs.writeFileSync(abs, fixture('single_version.clip'));
    const outcome = await indexClipFile(ctx, abs);
    expect(outcome.events).toContain('clip-rewritten');
    const shot = await shotByName('sh030');
    expect(shot.versions.map((v) => [v.vuid, v.removedAt !== null])).toEqual([['v001', false], ['v002', true]]);
    // Someone puts the old clip back: the dropped version is listed again, not duplicated.
    fs.writeFileSync(abs, fixture('multi_track.clip'));
    await indexClipFile(ctx, abs);
    const restored = await shotByName('sh030');
    expect(restored.versions.map((v) => [v.vuid, v.removedAt !== null])).toEqual([['v001', false], ['v002', false]]);
  });

  it('scans racing on one changed clip record it once', async () => {
    const ctx = await context();
    const abs = path.join(s.eastRoot, clipRel('acme', 'sq020', 'sh070'));
    const appended = appendVersion(fs.readFileSync(abs, 'utf8'), { vuid: 'v002', name: 'v002', createdAt: '2026-03-12T09:00:00', mediaPath: 'x/sh070_v002.[1-10].dpx' }, { makeCurrent: true });
    if (!appended.ok) throw new Error(appended.error.reason);
    fs.writeFileSync(abs, appended.xml);
    const before = await t.db.shotEvent.count({ where: { shot: { name: 'sh070' } } });
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => indexClipFile(ctx, abs)));
    expect(outcomes.filter((o) => o.status === 'indexed')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'unchanged')).toHaveLength(5);
    const shot = await shotByName('sh070');
    expect(shot.versions.map((v) => v.vuid)).toEqual(['v000', 'v001', 'v002']);
    expect(shot.events.slice(before).map((e) => e.kind)).toEqual(['version-added', 'current-changed']);
  });

  it('names the site that rendered a version from the path under its projects root', async () => {
    const ctx = await context();
    const abs = path.join(s.eastRoot, clipRel('acme', 'sq010', 'sh010'));
    const westFrames = path.join(s.westRoot, 'acme/sequences/sq010/sh010/renders/sh010_v002/sh010_v002.[00001001-00001120].exr');
    const westBatch = path.join(s.westRoot, 'acme/sequences/sq010/sh010/batch/sh010_v002.batch');
    const appended = appendVersion(fs.readFileSync(abs, 'utf8'), { vuid: 'v002', name: 'v002', createdAt: '2026-03-10T09:00:00', mediaPath: westFrames, batchSetup: westBatch }, { makeCurrent: true });
    if (!appended.ok) throw new Error(appended.error.reason);
    fs.writeFileSync(abs, appended.xml);
    await indexClipFile(ctx, abs);
    const shot = await shotByName('sh010');
    expect(shot.versions.map((v) => [v.vuid, v.siteId])).toEqual([['v001', null], ['v002', s.west]]);
    expect(shot.batchPath).toBe('acme/sequences/sq010/sh010/batch/sh010_v002.batch');
    expect(shot.events.at(-2)?.summary).toBe('v002 added at Studio West');
  });

  it('a new version of an assigned shot is announced to the artist and the producer, once', async () => {
    const ctx = await context();
    const artist = await t.db.user.create({ data: { email: 'ana@studio.example', name: 'Ana', roles: ['artist'] } });
    const shot = await shotByName('sh060');
    await t.db.assignment.create({ data: { shotId: shot.id, artistId: artist.id, siteId: s.west, createdById: s.producerId } });
    const abs = path.join(s.eastRoot, clipRel('acme', 'sq020', 'sh060'));
    const appended = appendVersion(fs.readFileSync(abs, 'utf8'), { vuid: 'v2', name: 'v2', createdAt: '2026-03-11T09:00:00', mediaPath: 'plates/sh060_bg_v2.[1001-1010].dpx' }, { makeCurrent: true });
    if (!appended.ok) throw new Error(appended.error.reason);
    fs.writeFileSync(abs, appended.xml);
    await indexClipFile(ctx, abs);
    await scanPublishRoot(); // seeing the same version again must not announce it twice
    const notices = await t.db.notificationEvent.findMany({ where: { kind: 'version' }, orderBy: { userId: 'asc' } });
    expect(notices.map((n) => [n.userId, n.title]).sort()).toEqual(
      [[artist.id, 'New version v2 of sh060 (sq020)'], [s.producerId, 'New version v2 of sh060 (sq020)']].sort(),
    );
  });
});
