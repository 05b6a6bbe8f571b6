/**
 * Objectives end to end against the simulated Anvils: validation with line and column (our parser, then
 * the Anvil's), creation and application at chosen sites, removal, drift repaired, edits, deletion,
 * outages, the studio preset and the FNMATCH preview. Services are called as an admin would; the
 * reconciler as the worker does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnvilClient as SimAnvil } from '@/sim/hammerspace/client';
import { systemActor } from '@/lib/domain/auth/actor';
import { AppError } from '@/lib/errors';
import { applyObjective } from '@/lib/services/objectives/apply-objective';
import { applyPreset } from '@/lib/services/objectives/apply-preset';
import { createObjective } from '@/lib/services/objectives/create-objective';
import { deleteObjective } from '@/lib/services/objectives/delete-objective';
import { listObjectives } from '@/lib/services/objectives/list-objectives';
import { previewFnmatch } from '@/lib/services/objectives/preview-fnmatch';
import { reconcileSiteObjectives } from '@/lib/services/objectives/reconcile-site-objectives';
import { updateObjective } from '@/lib/services/objectives/update-objective';
import { validateExpression } from '@/lib/services/objectives/validate-expression';
import { setupTestDatabase } from '../helpers/db';
import { producer, seedStudio, sim, site, startTestCluster, until, type TestCluster } from './support';

const t = setupTestDatabase();
let c: TestCluster;
let s: Awaited<ReturnType<typeof seedStudio>>;
const reconciler = systemActor('objectives-reconciler');
const anvil = (region: string) => new SimAnvil(c.cluster.describe()[region]!);
const EXPR = 'IF FNMATCH("*/flame/*.clip",PATH) THEN {SLO(\'place-on-local-volumes\')}';

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}
const reconcile = (siteId: string) => reconcileSiteObjectives(reconciler, { siteId });
async function localAt(region: string, p: string): Promise<string[]> {
  const r = await anvil(region).get<{ appliedLocalObjectives: { objective: { name: string } }[] }>(`/shares/projects/objective-list?path=${encodeURIComponent(p)}`);
  return r.body.appliedLocalObjectives.map((a) => a.objective.name);
}
async function definitionAt(region: string, name: string): Promise<{ expression: string; extendedInfo: Record<string, string> } | null> {
  const r = await anvil(region).get<{ expression: string; extendedInfo: Record<string, string> }>(`/objectives/${encodeURIComponent(name)}`);
  return r.status === 200 ? r.body : null;
}

beforeAll(async () => {
  c = await startTestCluster();
  s = await seedStudio(t.db, c.cluster);
});
afterAll(() => c?.stop());

describe('validation', () => {
  it('refuses an invalid expression with line and column, and stores nothing', async () => {
    const err = await refusal(createObjective(s.actor, { name: 'broken', expression: 'IF FNMATCH("*.clip",PATH THEN {SLO(\'place-on-local-volumes\')}' }));
    expect(err.code).toBe('VALIDATION');
    expect(err.fieldErrors?.expression?.[0]).toMatch(/^line 1, column 26: expected \) to close the argument list of FNMATCH/);
    expect(await t.db.objective.count()).toBe(0);
    expect(await t.db.auditLog.count({ where: { action: 'objective.create' } })).toBe(0);
  });

  it('refuses what only the Anvil knows is wrong, with its line and column', async () => {
    const err = await refusal(createObjective(s.actor, { name: 'ghost', expression: 'IF FNMATCH("*.clip",PATH) THEN {SLO(\'no-such-objective\')}' }));
    expect(err.fieldErrors?.expression?.[0]).toBe("Studio East's Anvil: line 1, column 37: Unknown objective 'no-such-objective' in SLO(...)");
  });

  it('validates as the admin types: parser positions first, then the Anvil', async () => {
    const bad = await validateExpression(s.actor, { expression: 'IF FNMATCH("*.clip",PATH)\n  AND SIZ > 2 THEN {}' });
    expect(bad.parser.errors[0]).toMatchObject({ line: 2, column: 7 });
    expect(bad.anvils).toEqual([]);
    const good = await validateExpression(s.actor, { expression: EXPR });
    expect(good.parser).toMatchObject({ ok: true, fnmatch: [{ pattern: '*/flame/*.clip', subject: 'PATH' }], slo: ['place-on-local-volumes'] });
    expect(good.anvils).toEqual([{ siteId: s.east, siteName: 'Studio East', ok: true, errors: [], unavailable: null }]);
  });

  it('is for admins only', async () => {
    expect((await refusal(createObjective(producer, { name: 'x', expression: EXPR }))).code).toBe('FORBIDDEN');
  });
});

describe('objectives on the Anvils', () => {
  let id: string;

  it('creates a valid objective on the chosen Anvils and applies it to the share path', async () => {
    id = (await createObjective(s.actor, { name: 'flame-clips-local', expression: EXPR, description: 'Open Clips local' })).id;
    await applyObjective(s.actor, { objectiveId: id, shareId: s.shareId, path: 'show/', siteIds: [s.east, s.west] });
    for (const siteId of [s.east, s.west, s.london]) await reconcile(siteId);
    for (const region of ['us-east-1', 'us-west-2']) {
      expect(await definitionAt(region, 'flame-clips-local')).toMatchObject({ expression: EXPR, extendedInfo: { managedBy: 'studio-control-plane' } });
      expect(await localAt(region, '/show')).toEqual(['flame-clips-local']);
    }
    expect(await definitionAt('eu-west-2', 'flame-clips-local')).toBeNull();
    const rows = await t.db.objectiveApplication.findMany({ where: { objectiveId: id } });
    expect(rows.map((r) => [r.path, r.state, r.lastError])).toEqual([['/show', 'applied', null], ['/show', 'applied', null]]);
    expect(await t.db.auditLog.count({ where: { action: 'objective.set' } })).toBe(2);
  });

  it('puts the data where the objective asks: a clip written in London is copied to Studio East', async () => {
    const london = c.cluster.describe()['eu-west-2']!;
    fs.mkdirSync(path.join(london.shareRoot, 'projects', 'show', 'sh010', 'flame'), { recursive: true });
    fs.writeFileSync(path.join(london.shareRoot, 'projects', 'show', 'sh010', 'flame', 'sh010.clip'), '<clip version="5"/>');
    const east = c.cluster.describe()['us-east-1']!;
    await until(async () => (fs.existsSync(path.join(east.shareRoot, 'projects', 'show', 'sh010', 'flame', 'sh010.clip')) ? true : undefined), 10_000);
  });

  it('puts back an objective deleted directly on an Anvil on the next pass, and shows the repair', async () => {
    const east = anvil('us-east-1');
    expect((await east.post('/shares/projects/objective-unset?path=%2Fshow&objective-identifier=flame-clips-local')).status).toBe(200);
    expect((await east.delete('/objectives/flame-clips-local')).status).toBe(200);
    const result = await reconcile(s.east);
    expect(result).toMatchObject({ repaired: 2, error: null });
    expect(await definitionAt('us-east-1', 'flame-clips-local')).toMatchObject({ expression: EXPR });
    expect(await localAt('us-east-1', '/show')).toEqual(['flame-clips-local']);
    const row = await t.db.objectiveApplication.findFirstOrThrow({ where: { objectiveId: id, siteId: s.east } });
    expect(row.repairedAt).not.toBeNull();
    const page = await listObjectives(s.actor);
    expect(page.repairs[0]?.summary).toMatch(/^Repaired flame-clips-local on Studio East's Anvil: its definition had been deleted on the Anvil; created it again; it had been unset from projects\/show/);
    expect((await reconcile(s.east)).actions).toBe(0);
  });

  it('unsets it there when it is removed in the app, and drops the unused definition', async () => {
    await applyObjective(s.actor, { objectiveId: id, shareId: s.shareId, path: '/show', siteIds: [s.east] });
    expect((await t.db.objectiveApplication.findFirstOrThrow({ where: { objectiveId: id, siteId: s.west } })).state).toBe('removing');
    await reconcile(s.west);
    expect(await localAt('us-west-2', '/show')).toEqual([]);
    expect(await definitionAt('us-west-2', 'flame-clips-local')).toBeNull();
    expect(await t.db.objectiveApplication.count({ where: { objectiveId: id, siteId: s.west } })).toBe(0);
    expect(await t.db.auditLog.findFirst({ where: { action: 'objective.unset' } })).toMatchObject({ summary: 'Unset flame-clips-local from projects/show at Studio West' });
  });

  it('updates the definition at every site after an edit', async () => {
    const edited = 'IF FNMATCH("*/flame/*.clip",PATH) OR FNMATCH("*.batch",PATH) THEN {SLO(\'place-on-local-volumes\')}';
    await updateObjective(s.actor, { id, expression: edited });
    expect((await t.db.objectiveApplication.findFirstOrThrow({ where: { objectiveId: id } })).state).toBe('pending');
    await reconcile(s.east);
    expect((await definitionAt('us-east-1', 'flame-clips-local'))?.expression).toBe(edited);
    expect((await t.db.objectiveApplication.findFirstOrThrow({ where: { objectiveId: id } })).state).toBe('applied');
  });

  it('records why while an Anvil is down, keeps working, and applies once it is back', async () => {
    await applyObjective(s.actor, { objectiveId: id, shareId: s.shareId, path: '/show', siteIds: [s.east, s.london] });
    await sim(c, 'POST', `${site('eu-west-2')}/down`);
    const result = await reconcile(s.london);
    expect(result.error).toMatch(/London's Anvil does not answer/);
    expect(await t.db.objectiveApplication.findFirstOrThrow({ where: { objectiveId: id, siteId: s.london } })).toMatchObject({ state: 'pending', lastError: expect.stringContaining('ECONNREFUSED') });
    expect((await listObjectives(s.actor)).objectives).toHaveLength(1);
    await sim(c, 'POST', `${site('eu-west-2')}/up`);
    await reconcile(s.london);
    expect(await t.db.objectiveApplication.findFirstOrThrow({ where: { objectiveId: id, siteId: s.london } })).toMatchObject({ state: 'applied', lastError: null });
  });

  it('lets two passes race on one Anvil (a worker and the bring-up step) without failing', async () => {
    const raced = (await createObjective(s.actor, { name: 'raced', expression: EXPR })).id;
    await applyObjective(s.actor, { objectiveId: raced, shareId: s.shareId, path: '/race', siteIds: [s.west] });
    const results = await Promise.all([reconcile(s.west), reconcile(s.west)]);
    expect(results.map((r) => [r.error, r.failed])).toEqual([[null, 0], [null, 0]]);
    expect(await t.db.objectiveApplication.findFirstOrThrow({ where: { objectiveId: raced } })).toMatchObject({ state: 'applied', lastError: null });
    await applyObjective(s.actor, { objectiveId: raced, shareId: s.shareId, path: '/race', siteIds: [] });
    const removals = await Promise.all([reconcile(s.west), reconcile(s.west)]);
    expect(removals.map((r) => r.error)).toEqual([null, null]);
    expect(await t.db.objectiveApplication.count({ where: { objectiveId: raced } })).toBe(0);
    expect(await localAt('us-west-2', '/race')).toEqual([]);
    await deleteObjective(s.actor, { id: raced });
  });

  it('deletes it from every Anvil, then the row', async () => {
    await deleteObjective(s.actor, { id });
    expect((await listObjectives(s.actor)).objectives[0]).toMatchObject({ deleting: true });
    await reconcile(s.east);
    expect(await t.db.objective.count()).toBe(1);
    await reconcile(s.london);
    expect(await definitionAt('us-east-1', 'flame-clips-local')).toBeNull();
    expect(await definitionAt('eu-west-2', 'flame-clips-local')).toBeNull();
    expect(await t.db.objective.count()).toBe(0);
    expect(await t.db.auditLog.count({ where: { action: 'objective.removed' } })).toBe(1);
  });
});

describe('the studio preset and the preview', () => {
  it('applies "Open Clip files always local at the home site" in one step', async () => {
    await applyPreset(s.actor, { preset: 'studio-open-clips-local' });
    await reconcile(s.east);
    expect(await localAt('us-east-1', '/')).toEqual(['studio-open-clips-local']);
    const page = await listObjectives(s.actor);
    expect(page.presets.find((p) => p.name === 'studio-open-clips-local')).toMatchObject({ inPlace: true });
    expect(page.objectives[0]?.applications.map((a) => a.site)).toEqual(['Studio East']);
  });

  it('lists which published files each FNMATCH pattern matches today', async () => {
    const east = c.cluster.describe()['us-east-1']!;
    fs.mkdirSync(path.join(east.shareRoot, 'projects', 'show', 'sh020'), { recursive: true });
    fs.writeFileSync(path.join(east.shareRoot, 'projects', 'show', 'sh020', 'sh020.batch'), 'batch');
    await t.db.project.create({ data: { name: 'show', sequences: { create: { name: 'seq', shots: { create: { name: 'sh030', folderPath: '/show/sh030', clipPath: path.join(east.shareRoot, 'projects', 'show', 'sh030', 'flame', 'sh030.clip') } } } } } });
    const preview = await until(async () => {
      const p = await previewFnmatch(s.actor, { expression: 'IF FNMATCH("*/flame/*.clip",PATH) OR FNMATCH("*.batch",PATH) THEN {SLO(\'place-on-local-volumes\')}' });
      return p.patterns[1]?.total ? p : undefined;
    });
    expect(preview.patterns[0]?.matches).toEqual(['/projects/show/sh010/flame/sh010.clip', '/projects/show/sh030/flame/sh030.clip']);
    expect(preview.patterns[1]?.matches).toEqual(['/projects/show/sh020/sh020.batch']);
    expect(preview).toMatchObject({ share: 'projects', fromDatabase: 1, fromAnvil: { site: 'Studio East', error: null } });
  });
});
