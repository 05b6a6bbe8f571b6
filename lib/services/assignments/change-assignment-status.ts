/**
 * Moves one assignment to another status under the rules of lib/domain/assignments/status.ts: its own
 * artist starts it and submits it for review; a producer approves, sends back, holds, resumes, reopens.
 * An artist asking about someone else's assignment is told it does not exist (its existence is not
 * theirs to learn). The write is compare-and-set on the old status, so two clicks cannot both win.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { actorId, hasRole, requireRole, type Actor } from '@/lib/domain/auth/actor';
import { ASSIGNMENT_STATUSES, capacitiesOf, decideMove, STATUS_LABELS } from '@/lib/domain/assignments/status';
import { AppError } from '@/lib/errors';
import { audit } from '../audit';
import { publishChange } from '../live/publish-change';
import { recordNotices, type TNotice } from '../notifications/record-notices';
import { parseInput } from './parse-input';

export const ZChangeStatus = z.object({
  assignmentId: z.string().min(1),
  to: z.enum(ASSIGNMENT_STATUSES),
  comment: z.string().trim().max(500, 'Keep the comment under 500 characters.').nullish().transform((v) => v || null),
});
export type TChangeStatusInput = z.input<typeof ZChangeStatus>;

export async function changeAssignmentStatus(actor: Actor, input: TChangeStatusInput): Promise<{ id: string; status: string }> {
  requireRole(actor, 'admin', 'producer', 'artist');
  const { assignmentId, to, comment } = parseInput(ZChangeStatus, input);
  const row = await db().assignment.findUnique({
    where: { id: assignmentId },
    select: { id: true, status: true, active: true, artistId: true, createdById: true, shot: { select: { id: true, name: true, sequence: { select: { name: true } } } }, artist: { select: { name: true } } },
  });
  const isProducer = hasRole(actor, 'admin', 'producer');
  const isOwner = actor.kind === 'user' && row?.artistId === actor.userId;
  if (!row || (!isProducer && !isOwner)) throw new AppError('NOT_FOUND', 'That assignment does not exist.');
  if (!row.active) throw new AppError('CONFLICT', `${row.shot.name} is no longer assigned to ${row.artist.name}; reload the page.`);

  const decision = decideMove(row.status, to, capacitiesOf({ isAssignedArtist: isOwner, isProducerOrAdmin: isProducer }));
  if (!decision.ok) throw new AppError(decision.why === 'not-yours' ? 'FORBIDDEN' : 'CONFLICT', decision.reason);
  const { move } = decision;
  const shot = `${row.shot.name} (${row.shot.sequence.name})`;

  return db().$transaction(async (tx) => {
    const { count } = await tx.assignment.updateMany({ where: { id: row.id, status: row.status, active: true }, data: { status: to } });
    if (count === 0) throw new AppError('CONFLICT', `${row.shot.name} changed meanwhile; reload the page.`);
    const summary = `${move.verb}: ${row.shot.name} for ${row.artist.name}, ${STATUS_LABELS[row.status]} → ${STATUS_LABELS[to]}`;
    await audit(tx, actor, 'assignment.status', { type: 'assignment', id: row.id }, summary, { shotId: row.shot.id, from: row.status, to, comment });

    // The artist's moves are news for the producer who assigned the shot; the producer's for the artist.
    const who = actor.kind === 'user' ? actor.name : 'The studio';
    const said = comment ? `: “${comment}”` : '';
    const notices: TNotice[] = [];
    if (move.by === 'assigned-artist' && row.createdById) {
      notices.push({ userId: row.createdById, kind: 'status', title: `${row.artist.name} moved ${shot} to ${STATUS_LABELS[to]}${said}`, link: '/shots/board', data: { assignmentId: row.id } });
    }
    if (move.by === 'producer') {
      notices.push({ userId: row.artistId, kind: 'status', title: `${shot}: ${move.done} by ${who} (now ${STATUS_LABELS[to]})${said}`, link: `/me/shots/${row.id}`, data: { assignmentId: row.id } });
    }
    await recordNotices(tx, notices.filter((n) => n.userId !== actorId(actor)));
    await publishChange(tx, { topic: 'assignments', id: row.id });
    await publishChange(tx, { topic: 'shots' });
    return { id: row.id, status: to };
  });
}
