/**
 * Status rules end to end through the service: the assigned artist starts and submits, the producer
 * approves or sends back; nobody else moves anything; every change is audited and the other side told.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { assignShots } from '@/lib/services/assignments/assign-shots';
import { changeAssignmentStatus } from '@/lib/services/assignments/change-assignment-status';
import { setupTestDatabase } from '../helpers/db';
import { addShots, admin, ana, auditOf, ben, producer, seedStudio, userId } from './support/studio';

const t = setupTestDatabase();
let assignmentId: string;

beforeAll(async () => {
  const studio = await seedStudio(t.db);
  const [shot] = await addShots(t.db, studio, 1);
  await assignShots(producer, { shotIds: [shot!.id], artistId: userId(ana), preStage: true });
  assignmentId = (await t.db.assignment.findFirstOrThrow({ where: { active: true } })).id;
});

async function failure(p: Promise<unknown>): Promise<[string, string]> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return [(err as AppError).code, (err as AppError).userMessage];
}

const statusNow = async () => (await t.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).status;

describe('assignment status changes', () => {
  it('hides another artist’s assignment entirely', async () => {
    expect(await failure(changeAssignmentStatus(ben, { assignmentId, to: 'in_progress' }))).toEqual(['NOT_FOUND', 'That assignment does not exist.']);
    expect(await statusNow()).toBe('assigned');
  });

  it('refuses the producer a move that belongs to the artist', async () => {
    expect(await failure(changeAssignmentStatus(producer, { assignmentId, to: 'in_progress' }))).toEqual([
      'FORBIDDEN', 'Only the artist it is assigned to can move a shot from assigned to in progress.',
    ]);
  });

  it('lets the artist start and submit, and tells the producer who assigned it', async () => {
    await changeAssignmentStatus(ana, { assignmentId, to: 'in_progress' });
    await changeAssignmentStatus(ana, { assignmentId, to: 'pending_review', comment: 'Comp v3 ready' });
    expect(await statusNow()).toBe('pending_review');
    const told = await t.db.notificationEvent.findMany({ where: { userId: userId(producer), kind: 'status' }, orderBy: { createdAt: 'asc' } });
    expect(told.map((e) => e.title)).toEqual(['Ana Artist moved sh0010 (sq010) to in progress', 'Ana Artist moved sh0010 (sq010) to pending review: “Comp v3 ready”']);
  });

  it('refuses the artist approving their own work, and impossible moves', async () => {
    expect(await failure(changeAssignmentStatus(ana, { assignmentId, to: 'approved' }))).toEqual(['FORBIDDEN', 'Only a producer can move a shot from pending review to approved.']);
    expect(await failure(changeAssignmentStatus(producer, { assignmentId, to: 'assigned' }))).toEqual(['CONFLICT', 'A shot cannot go from pending review to assigned.']);
    expect(await failure(changeAssignmentStatus(producer, { assignmentId, to: 'done' as never }))).toEqual(['VALIDATION', expect.any(String)]);
  });

  it('lets the producer send back, and an admin approve; the artist hears of both', async () => {
    await changeAssignmentStatus(producer, { assignmentId, to: 'in_progress', comment: 'Edge on the left' });
    await changeAssignmentStatus(ana, { assignmentId, to: 'pending_review' });
    await changeAssignmentStatus(admin, { assignmentId, to: 'approved' });
    expect(await statusNow()).toBe('approved');
    const told = await t.db.notificationEvent.findMany({ where: { userId: userId(ana), kind: 'status' }, orderBy: { createdAt: 'asc' } });
    expect(told.map((e) => e.title)).toEqual([
      'sh0010 (sq010): sent back by Priya Producer (now in progress): “Edge on the left”',
      'sh0010 (sq010): approved by Alex Admin (now approved)',
    ]);
  });

  it('audits every change with who, from and to', async () => {
    const rows = await auditOf(t.db, 'assignment.status');
    expect(rows.map((r) => [r.actorLabel, (r.data as { from: string }).from, (r.data as { to: string }).to])).toEqual([
      ['ana@studio.example', 'assigned', 'in_progress'],
      ['ana@studio.example', 'in_progress', 'pending_review'],
      ['producer@studio.example', 'pending_review', 'in_progress'],
      ['ana@studio.example', 'in_progress', 'pending_review'],
      ['admin@studio.example', 'pending_review', 'approved'],
    ]);
  });

  it('lets only one of two simultaneous clicks win', async () => {
    const both = await Promise.allSettled([
      changeAssignmentStatus(producer, { assignmentId, to: 'in_progress' }),
      changeAssignmentStatus(producer, { assignmentId, to: 'in_progress' }),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe('CONFLICT');
  });
});
