import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../helpers/db';
import { appendVersion, buildOpenClip } from '@/lib/domain/openclip';
import { ensureListening, onChange } from '@/lib/services/live/listen-changes';
import type { LiveChange } from '@/lib/services/live/publish-change';
import { startPublishScanner, type TPublishScanner } from '@/lib/services/shots/publish-scanner';
import { scanPublishRoot } from '@/lib/services/shots/scan-publish-root';
import { clipRel, seedPublishStudio, sleep, writeFile, writeInPieces, type TStudio } from './support';

const t = setupTestDatabase();
let s: TStudio;
let scanner: TPublishScanner | null = null;
const live: LiveChange[] = [];
let off = () => undefined as void;

const REL = clipRel('Nimbus', 'sq010', 'sh010');
const version = (n: number) => ({
  vuid: `v00${n}`, name: `v00${n}`, createdAt: `2026-03-0${n}T10:00:00`,
  mediaPath: `renders/sh010_v00${n}/sh010_v00${n}.[00001001-00001100].exr`,
});
const versionsOf = async () =>
  (await t.db.version.findMany({ where: { shot: { name: 'sh010' } }, orderBy: { position: 'asc' }, select: { vuid: true } })).map((v) => v.vuid);
const append = (abs: string, n: number) => {
  const r = appendVersion(fs.readFileSync(abs, 'utf8'), version(n), { makeCurrent: true });
  if (!r.ok) throw new Error(r.error.reason);
  return r.xml;
};

beforeAll(async () => {
  s = await seedPublishStudio(t.db);
  writeFile(s.eastRoot, REL, buildOpenClip({ name: 'sh010', versions: [version(1), version(2)] }));
  off = onChange((c) => live.push(c));
  await ensureListening();
});
afterAll(async () => {
  off();
  await scanner?.stop();
  s?.cleanup();
});

describe('the publish scanner', () => {
  it('indexes what is already published when it starts', async () => {
    scanner = startPublishScanner({ debounceMs: 50, stableMs: 300, retryMs: 200 });
    await scanner.started();
    expect(await versionsOf()).toEqual(['v001', 'v002']);
  });

  it('picks up a version appended in pieces only once the file is stable, and tells browsers', async () => {
    const abs = path.join(s.eastRoot, REL);
    const next = append(abs, 3);
    const shot = await t.db.shot.findFirstOrThrow({ where: { name: 'sh010' } });
    live.length = 0;
    const started = Date.now();
    // Each pause is shorter than the stable interval: reading between pieces would see a truncated clip.
    await writeInPieces(abs, next, 4, 150);
    await expect.poll(versionsOf, { timeout: 10_000, interval: 50 }).toEqual(['v001', 'v002', 'v003']);
    expect(Date.now() - started).toBeLessThan(3_000);
    const events = await t.db.shotEvent.findMany({ where: { shotId: shot.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.kind)).toEqual(['discovered', 'version-added', 'current-changed']);
    await expect.poll(() => live.some((c) => c.topic === 'shots' && c.id === shot.id), { timeout: 5_000 }).toBe(true);
  });

  it('only one process watches: a second scanner waits for the lock and takes over when the first stops', async () => {
    const second = startPublishScanner({ debounceMs: 50, stableMs: 200, retryMs: 200 });
    let took = false;
    void second.started().then(() => (took = true));
    await sleep(800);
    expect(took).toBe(false);
    await scanner?.stop();
    scanner = second;
    await expect.poll(() => took, { timeout: 10_000 }).toBe(true);
    const abs = path.join(s.eastRoot, REL);
    fs.writeFileSync(abs, append(abs, 4));
    await expect.poll(versionsOf, { timeout: 10_000, interval: 50 }).toEqual(['v001', 'v002', 'v003', 'v004']);
  });

  it('the periodic rescan repairs a change the watcher never saw', async () => {
    await scanner?.stop();
    scanner = null;
    const abs = path.join(s.eastRoot, REL);
    fs.writeFileSync(abs, append(abs, 5));
    await sleep(300);
    expect(await versionsOf()).not.toContain('v005');
    const report = await scanPublishRoot({ trustStat: true });
    expect(report.counts.indexed).toBe(1);
    expect(await versionsOf()).toContain('v005');
  });

  it('a clip that disappears is marked missing (versions kept) and comes back', async () => {
    const abs = path.join(s.eastRoot, REL);
    const kept = fs.readFileSync(abs);
    fs.rmSync(abs);
    writeFile(s.eastRoot, clipRel('Nimbus', 'sq010', 'sh020'), buildOpenClip({ name: 'sh020', versions: [version(1)] }));
    const report = await scanPublishRoot({ trustStat: true });
    expect(report.missing).toBe(1);
    const gone = await t.db.shot.findFirstOrThrow({ where: { name: 'sh010' }, include: { versions: true } });
    expect(gone.clipMissingAt).not.toBeNull();
    expect(gone.versions).toHaveLength(5);
    fs.writeFileSync(abs, kept);
    await scanPublishRoot({ trustStat: true });
    const back = await t.db.shot.findFirstOrThrow({ where: { name: 'sh010' }, include: { events: { orderBy: { id: 'desc' }, take: 2 } } });
    expect(back.clipMissingAt).toBeNull();
    expect(back.events.map((e) => e.kind)).toEqual(['back', 'missing']);
  });

  it('an unreadable publish root is an error, and marks nothing missing', async () => {
    const home = await t.db.site.findFirstOrThrow({ where: { isHome: true } });
    await t.db.site.update({ where: { id: home.id }, data: { publishRoot: path.join(s.eastRoot, 'not-mounted') } });
    const report = await scanPublishRoot({ trustStat: true });
    expect(report.errors[0]).toContain('cannot be read');
    expect(await t.db.shot.count({ where: { clipMissingAt: { not: null } } })).toBe(0);
    await t.db.site.update({ where: { id: home.id }, data: { publishRoot: s.eastRoot } });
  });
});
