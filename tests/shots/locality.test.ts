import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../helpers/db';
import { seedStudio, sim, sleep, startTestCluster, until, type TestCluster } from '../hammerspace/support';

const eventually = (check: () => Promise<boolean>) => until(async () => ((await check()) ? true : undefined), 10_000, 100);
import type { Actor } from '@/lib/domain/auth/actor';
import { buildOpenClip } from '@/lib/domain/openclip';
import { clearLocalityCache, getShotLocality } from '@/lib/services/shots/get-shot-locality';
import { scanPublishRoot } from '@/lib/services/shots/scan-publish-root';

const t = setupTestDatabase();
let tc: TestCluster;
let actor: Actor;
let shotId: string;
let roots: { east: string; west: string };
const DELAY_MS = 1_500;
const FOLDER = 'Nimbus/sequences/sq010/sh010';

const labels = async () => {
  clearLocalityCache();
  const [r] = await getShotLocality(actor, { shotIds: [shotId] });
  return r?.badges.map((b) => b.label) ?? [];
};
const write = (root: string, rel: string, content: string) => {
  const abs = path.join(root, FOLDER, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
};

beforeAll(async () => {
  tc = await startTestCluster({ linkDelayMs: DELAY_MS });
  const seeded = await seedStudio(t.db, tc.cluster);
  actor = seeded.actor;
  const d = tc.cluster.describe();
  roots = { east: path.join(d['us-east-1']!.shareRoot, 'projects'), west: path.join(d['us-west-2']!.shareRoot, 'projects') };
  write(roots.east, 'sh010.clip', buildOpenClip({ name: 'sh010', versions: [{ vuid: 'v001', name: 'v001', createdAt: '2026-03-01T10:00:00', mediaPath: 'renders/v001/sh010_v001.[1001-1010].exr' }] }));
  write(roots.east, 'batch/sh010_v001.batch', 'batch v001');
  await scanPublishRoot();
  shotId = (await t.db.shot.findFirstOrThrow({ where: { name: 'sh010' } })).id;
}, 60_000);
afterAll(async () => tc?.stop());

describe('shot data locality through the Anvils', () => {
  it('East holds everything; West and London see the files but hold none of the bytes', async () => {
    await eventually(async () => (await labels()).every((l) => !l.includes('behind')));
    expect(await labels()).toEqual(['Studio East ✓', 'London · 0/2 local', 'Studio West · 0/2 local']);
  });

  it('a render written at West shows East behind until replication delivers it, then not', async () => {
    write(roots.west, 'batch/sh010_v002.batch', 'batch v002');
    await sleep(400);
    const during = await labels();
    expect(during[0]).toMatch(/^Studio East \d+ s behind$|^Studio East <1 s behind$/);
    expect(during[1]).toMatch(/^London .*behind$/);
    expect(during[2]).toBe('Studio West · 1/3 local');
    await eventually(async () => !(await labels())[0]?.includes('behind'));
    // East had never held that file, and no objective asks for it there: it reads it from West.
    expect(await labels()).toEqual(['Studio East · 2/3 local', 'London · 0/3 local', 'Studio West · 1/3 local']);
  });

  it('an Anvil that does not answer is unknown, never fine', async () => {
    await sim(tc, 'POST', '/sites/eu-west-2/down');
    try {
      const badges = (await getShotLocality(actor, { shotIds: [shotId] }, () => Date.now() + 60_000))[0]?.badges ?? [];
      expect(badges.find((b) => b.siteName === 'London')).toMatchObject({ state: 'unknown', label: 'London ?' });
      expect(badges.find((b) => b.siteName === 'Studio East')?.state).not.toBe('unknown');
    } finally {
      await sim(tc, 'POST', '/sites/eu-west-2/up');
    }
  });

  it('refuses artists and unknown shots with clear errors', async () => {
    const artist: Actor = { kind: 'user', userId: 'a', email: 'a@x', name: 'A', roles: ['artist'] };
    await expect(getShotLocality(artist, { shotIds: [shotId] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getShotLocality(actor, { shotIds: ['nope'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
