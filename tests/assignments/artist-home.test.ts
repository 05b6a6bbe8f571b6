/**
 * The artist sees only their own: their home lists exactly their active assignments (paths as mounted at
 * their site), and another artist's shot, an ended assignment or a made-up id all read as not found.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { assignShots } from '@/lib/services/assignments/assign-shots';
import { getMyAssignment } from '@/lib/services/assignments/get-my-assignment';
import { listBoard } from '@/lib/services/assignments/list-board';
import { listMyAssignments } from '@/lib/services/assignments/list-my-assignments';
import { unassignShots } from '@/lib/services/assignments/unassign-shots';
import { setupTestDatabase } from '../helpers/db';
import { addShots, ana, ben, producer, seedStudio, userId, type Studio } from './support/studio';

const t = setupTestDatabase();
let studio: Studio;
let shots: Array<{ id: string; name: string }>;

beforeAll(async () => {
  studio = await seedStudio(t.db);
  shots = await addShots(t.db, studio, 5);
  await assignShots(producer, { shotIds: shots.slice(0, 3).map((s) => s.id), artistId: userId(ana), dueDate: '2026-12-18', preStage: true });
  await assignShots(producer, { shotIds: [shots[3]!.id], artistId: userId(ben), preStage: true });
  await t.db.version.createMany({
    data: [
      { shotId: shots[0]!.id, vuid: 'v001', name: 'v001', position: 0, frameStart: 1001, frameEnd: 1120 },
      { shotId: shots[0]!.id, vuid: 'v002', name: 'v002', position: 1, frameStart: 1001, frameEnd: 1124 },
    ],
  });
});

const notFound = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect([(err as AppError).code, (err as AppError).userMessage]).toEqual(['NOT_FOUND', 'That shot is not assigned to you.']);
};

describe('the artist’s own assignments', () => {
  it('lists exactly their shots, with paths at their site and the latest version', async () => {
    const mine = await listMyAssignments(ana);
    expect(mine.map((a) => a.shot)).toEqual(['sh0010', 'sh0020', 'sh0030']);
    expect(mine[0]).toMatchObject({
      site: { id: studio.sites.east, name: 'Studio East' }, status: 'assigned', dueDate: '2026-12-18',
      folder: '/mnt/hs/east/projects/acme/sequences/sq010/sh0010', batch: '/mnt/hs/east/projects/acme/sequences/sq010/sh0010/batch/sh0010_v001.batch',
      latestVersion: { name: 'v002' }, moves: [{ to: 'in_progress', verb: 'Start work' }],
    });
    expect((await listMyAssignments(ben)).map((a) => a.shot)).toEqual(['sh0040']);
  });

  it('opens their own shot with every version, and nobody else’s', async () => {
    const [first] = await listMyAssignments(ana);
    const detail = await getMyAssignment(ana, first!.id);
    expect(detail.versions.map((v) => [v.name, v.frames])).toEqual([['v002', '1001–1124'], ['v001', '1001–1120']]);
    await notFound(getMyAssignment(ben, first!.id));
    await notFound(getMyAssignment(ana, 'does-not-exist'));
  });

  it('forgets a shot taken back', async () => {
    const [, second] = await listMyAssignments(ana);
    await unassignShots(producer, { shotIds: [second!.shotId], confirmed: true });
    await notFound(getMyAssignment(ana, second!.id));
    expect((await listMyAssignments(ana)).map((a) => a.shot)).toEqual(['sh0010', 'sh0030']);
  });

  it('keeps the board for producers, and the artist pages for artists', async () => {
    await expect(listBoard(ana)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listMyAssignments(producer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the producer’s board', () => {
  it('shows every shot with status, artist, site, due date and latest version, and filters', async () => {
    const board = await listBoard(producer, {}, '2026-12-20');
    expect(board.total).toBe(5);
    expect(board.counts).toMatchObject({ unassigned: 2, assigned: 3 });
    const rows = board.groups.flatMap((g) => g.rows);
    expect(rows.map((r) => [r.shot, r.status, r.assignment?.artist ?? null, r.assignment?.site ?? null])).toEqual([
      ['sh0010', 'assigned', 'Ana Artist', 'Studio East'],
      ['sh0020', 'unassigned', null, null],
      ['sh0030', 'assigned', 'Ana Artist', 'Studio East'],
      ['sh0040', 'assigned', 'Ben Artist', 'Studio West'],
      ['sh0050', 'unassigned', null, null],
    ]);
    expect(rows[0]).toMatchObject({ latestVersion: { name: 'v002' }, versionCount: 2, assignment: { dueDate: '2026-12-18', overdue: true } });
    const names = async (q: Parameters<typeof listBoard>[1]) => (await listBoard(producer, q)).groups.flatMap((g) => g.rows.map((r) => r.shot));
    expect(await names({ status: 'unassigned' })).toEqual(['sh0020', 'sh0050']);
    expect(await names({ artistId: userId(ben) })).toEqual(['sh0040']);
    expect(await names({ siteId: studio.sites.east, status: 'assigned' })).toEqual(['sh0010', 'sh0030']);
    expect(await names({ q: 'ben' })).toEqual(['sh0040']);
    expect(await names({ q: 'SH005' })).toEqual(['sh0050']);
    // A search is text: `_` and `%` are not patterns (they would match every shot).
    expect(await names({ q: 'sh_0' })).toEqual([]);
    expect(await names({ q: '%' })).toEqual([]);
    expect(await names({ sequenceId: rows[0]!.sequenceId, status: 'assigned' })).toEqual(rows.filter((r) => r.sequenceId === rows[0]!.sequenceId && r.status === 'assigned').map((r) => r.shot));
    expect(await names({ status: 'bogus' as never, q: '' })).toHaveLength(5);
    expect(board.artists.map((a) => [a.name, a.sites])).toEqual([['Ana Artist', ['Studio East']], ['Ben Artist', ['Studio West']], ['Chloe Artist', ['London']]]);
  });
});

describe('versions a clip no longer lists', () => {
  it('are history: not the latest on the board or the artist’s page, marked on the shot page', async () => {
    await t.db.version.create({ data: { shotId: shots[0]!.id, vuid: 'v003', name: 'v003', position: 2, removedAt: new Date(), batchSetup: '/mnt/hs/west/projects/acme/sequences/sq010/sh0010/batch/sh0010_v003.batch' } });
    const row = (await listBoard(producer)).groups.flatMap((g) => g.rows).find((r) => r.shot === 'sh0010');
    expect([row?.latestVersion?.name, row?.versionCount]).toEqual(['v002', 2]);
    const [first] = await listMyAssignments(ana);
    expect(first!.latestVersion?.name).toBe('v002');
    const detail = await getMyAssignment(ana, first!.id);
    expect(detail.versions.map((v) => [v.name, v.removed, v.batch])).toEqual([
      ['v003', true, '/mnt/hs/east/projects/acme/sequences/sq010/sh0010/batch/sh0010_v003.batch'],
      ['v002', false, null],
      ['v001', false, null],
    ]);
  });
});
