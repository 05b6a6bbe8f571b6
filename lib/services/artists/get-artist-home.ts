import { db } from '@/lib/db/client';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { AppError } from '@/lib/errors';

/** An artist's own page: their active assignments and their workstations. Never anyone else's. */
export async function getArtistHome(actor: Actor) {
  requireRole(actor, 'artist');
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN', 'Only a signed-in artist has a home page.');
  const [assignments, workstations] = await Promise.all([
    db().assignment.findMany({
      where: { artistId: actor.userId, active: true },
      orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }],
      include: { shot: { include: { sequence: { include: { project: true } } } }, site: { select: { name: true, region: true } } },
    }),
    db().workstation.findMany({
      where: { artistId: actor.userId, desiredState: { not: 'terminated' } },
      include: { site: { select: { name: true, region: true } } },
      orderBy: { name: 'asc' },
    }),
  ]);
  return {
    assignments: assignments.map((a) => ({
      id: a.id, status: a.status, dueDate: a.dueDate?.toISOString().slice(0, 10) ?? null, note: a.note,
      shot: a.shot.name, sequence: a.shot.sequence.name, project: a.shot.sequence.project.name, folder: a.shot.folderPath, site: a.site.name,
    })),
    workstations: workstations.map((w) => ({ id: w.id, name: w.name, site: w.site.name, region: w.site.region, state: w.observedState, instanceType: w.instanceType })),
  };
}
