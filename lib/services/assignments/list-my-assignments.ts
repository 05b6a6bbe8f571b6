/**
 * The artist's home: their own active assignments, earliest due first, with paths as seen from their site
 * and a banner where the shot's data is not yet complete there. The filter is on the signed-in artist's
 * id, so nobody else's assignment can appear, whatever the request says.
 */
import { db } from '@/lib/db/client';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import type { LocalityReader } from '@/lib/domain/assignments/locality';
import { AppError } from '@/lib/errors';
import type { TMyAssignmentView } from '@/lib/domain/assignments/views';
import { hammerspaceLocality } from './hammerspace-locality';
import { MY_ASSIGNMENT_SELECT, myAssignmentViews } from './my-assignment-view';
import { loadStudioSites } from './studio-sites';

export async function listMyAssignments(actor: Actor, opts: { locality?: LocalityReader; fresh?: boolean } = {}): Promise<TMyAssignmentView[]> {
  requireRole(actor, 'artist');
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN', 'Only a signed-in artist has assignments.');
  const [rows, studio] = await Promise.all([
    db().assignment.findMany({
      where: { artistId: actor.userId, active: true },
      // Dated work first (soonest due on top), undated after, each in the order it was given.
      orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
      select: MY_ASSIGNMENT_SELECT,
    }),
    loadStudioSites(),
  ]);
  return myAssignmentViews(rows, studio, opts.locality ?? hammerspaceLocality(studio), { fresh: opts.fresh });
}
