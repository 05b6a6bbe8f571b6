import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../helpers/db';
import type { Actor } from '@/lib/domain/auth/actor';
import { buildOpenClip } from '@/lib/domain/openclip';
import { scanPublishRoot } from '@/lib/services/shots/scan-publish-root';
import { setProjectLayout } from '@/lib/services/shots/set-project-layout';
import { seedPublishStudio, writeFile, type TStudio } from './support';

const t = setupTestDatabase();
let s: TStudio;
let admin: Actor;
const clip = (name: string) => buildOpenClip({ name, versions: [{ vuid: 'v001', name: 'v001', createdAt: '2026-03-01T10:00:00', mediaPath: 'r/x.[1-2].exr' }] });

beforeAll(async () => {
  s = await seedPublishStudio(t.db);
  const user = await t.db.user.create({ data: { email: 'it@studio.example', name: 'IT', roles: ['admin'] } });
  admin = { kind: 'user', userId: user.id, email: user.email, name: user.name, roles: ['admin'] };
  // Published with ShotGrid Toolkit's folders: under the default layout this is not a shot clip.
  writeFile(s.eastRoot, 'acme/sequences/sq010/sh010/finishing/clip/sh010.clip', clip('sh010'));
  writeFile(s.eastRoot, 'acme/sequences/sq010/sh020/sh020.clip', clip('sh020'));
});
afterAll(() => s?.cleanup());

describe('per-project publish layouts', () => {
  it('reads a project with the default layout until it is configured, then with its own', async () => {
    await scanPublishRoot();
    expect((await t.db.shot.findMany({ select: { name: true } })).map((x) => x.name)).toEqual(['sh020']);
    const project = await t.db.project.findUniqueOrThrow({ where: { name: 'acme' } });

    await expect(setProjectLayout(admin, { projectId: project.id, base: 'shotgrid-toolkit' })).resolves.toEqual({ layout: 'shotgrid-toolkit' });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: 'project.layout' } });
    expect(audit).toMatchObject({ entityId: project.id, summary: 'Publish layout of acme set to shotgrid-toolkit' });
    const jobs = await t.db.$queryRaw<{ task: string; payload: { full?: boolean } }[]>`
      SELECT t.identifier AS task, j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id`;
    expect(jobs).toEqual([{ task: 'shots:rescan', payload: { reason: 'layout of acme changed', full: true } }]);

    await scanPublishRoot();
    const sh010 = await t.db.shot.findFirstOrThrow({ where: { name: 'sh010' } });
    expect(sh010).toMatchObject({ clipPath: 'acme/sequences/sq010/sh010/finishing/clip/sh010.clip', folderPath: 'acme/sequences/sq010/sh010' });
  });

  it('keeps a studio’s own pattern, and refuses one without <project> and <shot> next to the field', async () => {
    const project = await t.db.project.findUniqueOrThrow({ where: { name: 'acme' } });
    await setProjectLayout(admin, { projectId: project.id, base: 'default', clip: '<project>/sequences/<sequence>/<shot>/<shot>_main.clip' });
    expect((await t.db.project.findUniqueOrThrow({ where: { id: project.id } })).layout).toContain('_main.clip');
    await expect(setProjectLayout(admin, { projectId: project.id, base: 'default', clip: '<project>/all.clip' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { clip: [expect.stringContaining('<project> and <shot>')] },
    });
    await expect(setProjectLayout(admin, { projectId: project.id, base: 'nope' })).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { base: [expect.stringContaining('unknown layout')] } });
  });

  it('is for admins only', async () => {
    const project = await t.db.project.findUniqueOrThrow({ where: { name: 'acme' } });
    await expect(setProjectLayout(s.producer, { projectId: project.id, base: 'default' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
