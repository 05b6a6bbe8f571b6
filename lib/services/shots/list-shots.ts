import { db } from '@/lib/db/client';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';

/** Every published shot, grouped project → sequence, with latest and current version. */
export async function listShots(actor: Actor) {
  requireRole(actor, 'admin', 'producer');
  const projects = await db().project.findMany({
    orderBy: { name: 'asc' },
    include: {
      sequences: {
        orderBy: { name: 'asc' },
        include: {
          shots: {
            orderBy: { name: 'asc' },
            include: {
              versions: { orderBy: { position: 'asc' }, select: { vuid: true, name: true } },
              assignments: { where: { active: true }, select: { status: true, artist: { select: { name: true } } } },
            },
          },
        },
      },
    },
  });
  return projects.map((p) => ({
    id: p.id,
    name: p.name,
    sequences: p.sequences.map((s) => ({
      id: s.id,
      name: s.name,
      shots: s.shots.map((shot) => ({
        id: shot.id,
        name: shot.name,
        versionCount: shot.versions.length,
        latest: shot.versions.find((v) => v.vuid === shot.latestVuid)?.name ?? null,
        current: shot.versions.find((v) => v.vuid === shot.currentVuid)?.name ?? null,
        parseError: shot.parseError,
        assignment: shot.assignments[0] ? { status: shot.assignments[0].status, artist: shot.assignments[0].artist.name } : null,
      })),
    })),
  }));
}
