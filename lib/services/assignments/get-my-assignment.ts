/**
 * One of the artist's own shots, with every version. Anyone else's assignment, an ended one, or an id
 * that does not exist all answer the same NOT_FOUND, so the page cannot be used to probe who holds what.
 */
import { db } from '@/lib/db/client';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import type { LocalityReader } from '@/lib/domain/assignments/locality';
import { pathAtSite } from '@/lib/domain/assignments/shot-paths';
import { AppError } from '@/lib/errors';
import type { TMyAssignmentDetail } from '@/lib/domain/assignments/views';
import { hammerspaceLocality } from './hammerspace-locality';
import { MY_ASSIGNMENT_SELECT, myAssignmentViews } from './my-assignment-view';
import { loadStudioSites } from './studio-sites';

export async function getMyAssignment(actor: Actor, id: string, opts: { locality?: LocalityReader; fresh?: boolean } = {}): Promise<TMyAssignmentDetail> {
  requireRole(actor, 'artist');
  const notFound = new AppError('NOT_FOUND', 'That shot is not assigned to you.');
  if (actor.kind !== 'user' || typeof id !== 'string' || id.length === 0 || id.length > 64) throw notFound;
  const row = await db().assignment.findFirst({ where: { id, artistId: actor.userId, active: true }, select: MY_ASSIGNMENT_SELECT });
  if (!row) throw notFound;
  const [studio, versions] = await Promise.all([
    loadStudioSites(),
    db().version.findMany({ where: { shotId: row.shot.id }, orderBy: { position: 'desc' }, select: { id: true, name: true, vuid: true, frameStart: true, frameEnd: true, discoveredAt: true, batchSetup: true, removedAt: true } }),
  ]);
  const [view] = await myAssignmentViews([row], studio, opts.locality ?? hammerspaceLocality(studio), { fresh: opts.fresh });
  return {
    ...view!,
    versions: versions.map((v) => ({
      id: v.id, name: v.name, vuid: v.vuid, discoveredAt: v.discoveredAt.toISOString(), removed: v.removedAt !== null,
      batch: v.batchSetup ? pathAtSite(v.batchSetup, studio.roots, row.site.id) ?? v.batchSetup : null,
      frames: v.frameStart !== null && v.frameEnd !== null ? `${v.frameStart}–${v.frameEnd}` : null,
    })),
  };
}
