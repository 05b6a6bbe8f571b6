/**
 * Data locality against the Hammerspace simulator over HTTP (the real Anvil adapter): a shot published at
 * Studio East is ready for Ana (workstation at East) and needs a pre-stage for Ben (workstation at West).
 * Ben's home shows the "not yet complete" banner until the keep-local objective is in force at West (set
 * here through the adapter, as the objectives reconciler would), then the banner goes. With East's Anvil
 * down another site answers; with every Anvil down the locality is unknown, never assumed fine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anvilClient, closeAnvilClients } from '@/lib/adapters/hammerspace';
import { SHOT_KEEP_LOCAL } from '@/lib/domain/assignments/keep-local';
import { assignShots } from '@/lib/services/assignments/assign-shots';
import { hammerspaceLocality } from '@/lib/services/assignments/hammerspace-locality';
import { listMyAssignments } from '@/lib/services/assignments/list-my-assignments';
import { loadStudioSites } from '@/lib/services/assignments/studio-sites';
import { control, until } from '@/sim/hammerspace/client';
import { DEFAULT_SITES, startAnvilCluster, type AnvilCluster } from '@/sim/hammerspace/cluster';
import { setupTestDatabase } from '../helpers/db';
import { addShots, ana, auditOf, ben, producer, seedStudio, userId, type Studio } from './support/studio';

const t = setupTestDatabase();
let cluster: AnvilCluster;
let dataDir: string;
let studio: Studio;
let shots: Array<{ id: string; name: string; folderPath: string }>;

function publish(root: string, rel: string, bytes = 'x'.repeat(64)) {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
}

async function locality(shotIndex: number) {
  return hammerspaceLocality(await loadStudioSites()).read({ id: shots[shotIndex]!.id, folderPath: shots[shotIndex]!.folderPath });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assign-hs-'));
  cluster = await startAnvilCluster({ sites: DEFAULT_SITES, basePort: 0, dataDir, linkDelayMs: 100, config: { taskStepMs: 30 } });
  studio = await seedStudio(t.db, { cluster });
  shots = await addShots(t.db, studio, 2);
  for (const s of shots) {
    publish(studio.roots.east, `${s.folderPath}/${s.name}.clip`);
    publish(studio.roots.east, `${s.folderPath}/batch/${s.name}_v001.batch`);
    publish(studio.roots.east, `${s.folderPath}/renders/${s.name}_v001/${s.name}_v001.00001001.exr`, 'f'.repeat(4096));
  }
  // The simulator notices files written into a site's folder through a watcher: wait until East lists them.
  for (const i of [0, 1]) await until(async () => ((await locality(i)).known && (await locality(i) as { files: number }).files === 3 ? true : undefined), 15_000, 100);
});

afterAll(async () => {
  closeAnvilClients();
  await cluster?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('data locality from Hammerspace', () => {
  it('sees every file of the published shot at East only', async () => {
    expect(await locality(0)).toEqual({ known: true, files: 3, completeAt: [studio.sites.east], partialAt: [] });
  });

  it('assigns straight away to an artist whose workstation is where the data is', async () => {
    const done = await assignShots(producer, { shotIds: [shots[0]!.id], artistId: userId(ana) });
    expect(done).toEqual({ outcome: 'assigned', assigned: 1, reassigned: 0, updated: 0, preStaged: 0, workstationStarted: false });
    expect((await t.db.assignment.findFirstOrThrow({ where: { shotId: shots[0]!.id, active: true } })).siteId).toBe(studio.sites.east);
    const [mine] = await listMyAssignments(ana, { fresh: true });
    expect(mine).toMatchObject({ shot: 'sh0010', banner: null, folder: path.join(studio.roots.east, 'acme/sequences/sq010/sh0010') });
    expect(mine!.batch).toBe(path.join(studio.roots.east, 'acme/sequences/sq010/sh0010/batch/sh0010_v001.batch'));
  });

  it('offers a pre-stage for an artist elsewhere, and shows them the banner until the data is local', async () => {
    const offer = await assignShots(producer, { shotIds: [shots[1]!.id], artistId: userId(ben) });
    expect(offer).toMatchObject({ outcome: 'needs-pre-stage', site: 'Studio West', workstation: 'west-flame-01', startsWorkstation: false, shots: [{ name: 'sh0020', reason: 'the shot’s data is not at the artist’s site' }] });
    await assignShots(producer, { shotIds: [shots[1]!.id], artistId: userId(ben), preStage: true });
    expect((await auditOf(t.db, 'assignment.pre-stage')).map((a) => a.summary)).toEqual(['Pre-staged sh0020 at Studio West for Ben Artist: the shot’s data is not at the artist’s site']);

    const [before] = await listMyAssignments(ben, { fresh: true });
    expect(before!.banner).toEqual({ tone: 'warn', text: 'This shot’s data is not yet complete in Studio West: opening it now reads across regions.' });
    expect(before!.folder).toBe(path.join(studio.roots.west, 'acme/sequences/sq010/sh0020'));

    // What the objectives reconciler does with the pending application, done here through the adapter.
    const app = await t.db.objectiveApplication.findFirstOrThrow({ where: { siteId: studio.sites.west }, include: { share: true } });
    const west = cluster.describe()['us-west-2']!;
    const anvil = anvilClient({ siteId: 'test-west', siteName: west.name, url: west.url, username: west.username, password: west.password, trustSelfSigned: false });
    await anvil.createObjective({ name: SHOT_KEEP_LOCAL.name, expression: SHOT_KEEP_LOCAL.expression });
    // West learns of the files over the replication bus; set the objective once its namespace lists them.
    await until(async () => ((await anvil.files(`/projects${app.path}`).catch(() => null))?.children.length ? true : undefined), 10_000, 50);
    await anvil.setObjective(app.share.name, app.path, SHOT_KEEP_LOCAL.name);
    await until(async () => ((await listMyAssignments(ben, { fresh: true }))[0]!.banner === null ? true : undefined), 15_000, 100);
    expect(await locality(1)).toMatchObject({ completeAt: [studio.sites.east, studio.sites.west].sort() });
  });

  it('asks another site when the home Anvil is down, and reports unknown when none answers', async () => {
    await control(cluster.controlUrl, 'POST', '/sites/us-east-1/down');
    try {
      expect(await locality(0)).toMatchObject({ known: true, completeAt: [studio.sites.east] });
      for (const region of ['us-west-2', 'eu-west-2']) await control(cluster.controlUrl, 'POST', `/sites/${region}/down`);
      const unknown = await locality(0);
      expect(unknown.known).toBe(false);
      const [mine] = await listMyAssignments(ana, { fresh: true });
      expect(mine!.banner).toMatchObject({ tone: 'muted', text: expect.stringMatching(/^Could not check whether this shot’s data is in Studio East yet/) });
    } finally {
      for (const region of ['us-east-1', 'us-west-2', 'eu-west-2']) await control(cluster.controlUrl, 'POST', `/sites/${region}/up`);
    }
  });
});
