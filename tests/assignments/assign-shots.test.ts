/**
 * Assigning, reassigning and taking back shots against a real PostgreSQL. The sites here have no Anvil, so
 * where a shot's data is cannot be checked: every assignment needs the producer's pre-stage confirmation,
 * which must write the keep-local objective intent and start a stopped workstation. (Locality against the
 * Hammerspace simulator is in locality.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SHOT_KEEP_LOCAL } from '@/lib/domain/assignments/keep-local';
import { AppError } from '@/lib/errors';
import { assignShots } from '@/lib/services/assignments/assign-shots';
import { unassignShots } from '@/lib/services/assignments/unassign-shots';
import { setupTestDatabase } from '../helpers/db';
import { addShots, ana, auditOf, ben, chloe, producer, queuedJobs, seedStudio, userId, type Studio } from './support/studio';

const t = setupTestDatabase();
let studio: Studio;
beforeAll(async () => {
  studio = await seedStudio(t.db);
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('assigning shots', () => {
  it('offers a pre-stage first and writes nothing until the producer accepts it', async () => {
    const shots = await addShots(t.db, studio, 3, { start: 1 });
    const offer = await assignShots(producer, { shotIds: shots.map((s) => s.id), artistId: userId(chloe), dueDate: '2026-12-18', note: 'Sky replacement' });
    expect(offer).toMatchObject({ outcome: 'needs-pre-stage', artist: 'Chloe Artist', site: 'London', workstation: 'london-flare-01', startsWorkstation: true });
    if (offer.outcome !== 'needs-pre-stage') return;
    expect(offer.shots.map((s) => s.name)).toEqual(['sh0010', 'sh0020', 'sh0030']);
    expect(offer.shots[0]!.reason).toMatch(/could not be checked \(no site has an Anvil configured\)/);
    expect(await t.db.assignment.count()).toBe(0);
    expect(await t.db.auditLog.count()).toBe(0);
  });

  it('bulk-assigns with the pre-stage: assignments, keep-local intents, the workstation started, audit rows, one digest job', async () => {
    const shots = await t.db.shot.findMany({ where: { name: { in: ['sh0010', 'sh0020', 'sh0030'] } }, orderBy: { name: 'asc' } });
    const done = await assignShots(producer, { shotIds: shots.map((s) => s.id), artistId: userId(chloe), dueDate: '2026-12-18', note: 'Sky replacement', preStage: true });
    expect(done).toEqual({ outcome: 'assigned', assigned: 3, reassigned: 0, updated: 0, preStaged: 3, workstationStarted: true });

    const rows = await t.db.assignment.findMany({ where: { active: true }, orderBy: { shot: { name: 'asc' } } });
    expect(rows.map((r) => [r.artistId, r.siteId, r.status, r.note, r.dueDate?.toISOString().slice(0, 10), r.createdById])).toEqual(
      Array(3).fill([userId(chloe), studio.sites.london, 'assigned', 'Sky replacement', '2026-12-18', userId(producer)]),
    );
    const objective = await t.db.objective.findUniqueOrThrow({ where: { name: SHOT_KEEP_LOCAL.name }, include: { applications: { orderBy: { path: 'asc' } } } });
    expect(objective.expression).toBe(SHOT_KEEP_LOCAL.expression);
    expect(objective.applications.map((a) => [a.siteId, a.shareId, a.path, a.state])).toEqual(
      ['sh0010', 'sh0020', 'sh0030'].map((n) => [studio.sites.london, studio.shareId, `/acme/sequences/sq010/${n}`, 'pending']),
    );
    const ws = await t.db.workstation.findUniqueOrThrow({ where: { id: studio.workstations.chloe }, include: { events: true } });
    expect(ws.desiredState).toBe('running');
    expect(ws.events.map((e) => e.message)).toEqual(['Start requested to pre-stage an assigned shot.']);
    expect((await auditOf(t.db, 'workstation.start')).map((a) => [a.entityId, a.actorLabel])).toEqual([[studio.workstations.chloe, 'producer@studio.example']]);
    expect((await queuedJobs(t.db, 'workstations:reconcile-site')).map((j) => j.key)).toEqual([`workstations:reconcile-site:${studio.sites.london}`]);
    expect((await queuedJobs(t.db, 'objectives:reconcile-site')).map((j) => j.key)).toEqual([`objectives:reconcile-site:${studio.sites.london}`]);

    expect((await auditOf(t.db, 'assignment.assign')).map((a) => a.summary)).toEqual(['sh0010', 'sh0020', 'sh0030'].map((n) => `Assigned ${n} to Chloe Artist at London`));
    expect(await auditOf(t.db, 'assignment.pre-stage')).toHaveLength(3);
    const events = await t.db.notificationEvent.findMany({ where: { userId: userId(chloe) }, orderBy: { title: 'asc' } });
    expect(events.map((e) => e.title)).toEqual(['sh0010 (sq010) assigned to you, due 2026-12-18', 'sh0020 (sq010) assigned to you, due 2026-12-18', 'sh0030 (sq010) assigned to you, due 2026-12-18']);
    expect((await queuedJobs(t.db, 'notify-digest')).map((j) => j.payload)).toEqual([{ userId: userId(chloe) }]);
  });

  it('reassigns: the old assignment ends, the new one starts, both artists are told', async () => {
    const [shot] = await t.db.shot.findMany({ where: { name: 'sh0010' } });
    const done = await assignShots(producer, { shotIds: [shot!.id], artistId: userId(ben), preStage: true });
    expect(done).toMatchObject({ outcome: 'assigned', assigned: 0, reassigned: 1 });
    const all = await t.db.assignment.findMany({ where: { shotId: shot!.id }, orderBy: { createdAt: 'asc' } });
    expect(all.map((a) => [a.artistId, a.active, a.siteId])).toEqual([[userId(chloe), false, studio.sites.london], [userId(ben), true, studio.sites.west]]);
    expect((await auditOf(t.db, 'assignment.reassign')).map((a) => a.summary)).toEqual(['Reassigned sh0010 from Chloe Artist to Ben Artist at Studio West']);
    expect(await t.db.notificationEvent.findMany({ where: { kind: 'reassigned' }, select: { userId: true, title: true } })).toEqual([
      { userId: userId(chloe), title: 'sh0010 (sq010) was reassigned to Ben Artist' },
    ]);
    // Ben's machine was already running: the pre-stage leaves it alone.
    expect(await t.db.workstationEvent.count({ where: { workstationId: studio.workstations.ben } })).toBe(0);
  });

  it('updates due date and note of shots the artist already holds, without a new assignment', async () => {
    const [shot] = await t.db.shot.findMany({ where: { name: 'sh0020' } });
    const done = await assignShots(producer, { shotIds: [shot!.id], artistId: userId(chloe), dueDate: '2027-01-08', note: '' });
    expect(done).toMatchObject({ outcome: 'assigned', updated: 1, assigned: 0, reassigned: 0 });
    const rows = await t.db.assignment.findMany({ where: { shotId: shot!.id } });
    expect(rows).toHaveLength(1);
    expect([rows[0]!.dueDate?.toISOString().slice(0, 10), rows[0]!.note]).toEqual(['2027-01-08', null]);
  });

  it('keeps one active assignment per shot when two producers assign it at the same moment', async () => {
    const [shot] = await addShots(t.db, studio, 1, { start: 90 });
    const results = await Promise.allSettled([
      assignShots(producer, { shotIds: [shot!.id], artistId: userId(ana), preStage: true }),
      assignShots(producer, { shotIds: [shot!.id], artistId: userId(ben), preStage: true }),
    ]);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('CONFLICT');
    expect(await t.db.assignment.count({ where: { shotId: shot!.id, active: true } })).toBe(1);
  });

  it('refuses artists, non-artists, artists without a workstation, and unknown shots', async () => {
    const [shot] = await addShots(t.db, studio, 1, { start: 80 });
    expect((await rejection(assignShots(ana, { shotIds: [shot!.id], artistId: userId(ana) }))).code).toBe('FORBIDDEN');
    expect((await rejection(assignShots(producer, { shotIds: [shot!.id], artistId: userId(producer) }))).fieldErrors).toEqual({ artistId: ['That person is not an active artist.'] });
    await t.db.user.create({ data: { id: 'u_dan', email: 'dan@studio.example', name: 'Dan Artist', roles: ['artist'] } });
    const noMachine = await rejection(assignShots(producer, { shotIds: [shot!.id], artistId: 'u_dan', preStage: true }));
    expect([noMachine.code, noMachine.userMessage]).toEqual(['CONFLICT', 'Dan Artist has no workstation; ask an admin to launch one first.']);
    expect((await rejection(assignShots(producer, { shotIds: [shot!.id, 'nope'], artistId: userId(ana) }))).code).toBe('NOT_FOUND');
    expect(await t.db.assignment.count({ where: { shotId: shot!.id } })).toBe(0);
  });
});

describe('taking shots back', () => {
  it('needs a confirmation, ends the assignment, audits and tells the artist', async () => {
    const [shot] = await t.db.shot.findMany({ where: { name: 'sh0030' } });
    expect((await rejection(unassignShots(producer, { shotIds: [shot!.id], confirmed: false as never }))).code).toBe('VALIDATION');
    expect(await unassignShots(producer, { shotIds: [shot!.id], confirmed: true })).toEqual({ unassigned: 1 });
    expect(await t.db.assignment.count({ where: { shotId: shot!.id, active: true } })).toBe(0);
    expect((await auditOf(t.db, 'assignment.unassign')).map((a) => a.summary)).toEqual(['Took sh0030 back from Chloe Artist']);
    expect(await t.db.notificationEvent.count({ where: { userId: userId(chloe), title: 'sh0030 (sq010) is no longer assigned to you' } })).toBe(1);
  });
});
