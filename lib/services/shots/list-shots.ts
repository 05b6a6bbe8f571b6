import { db } from '@/lib/db/client';
import { listHeadVersions } from '@/lib/db/shot-state';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';

export type TShotListVersion = { vuid: string; name: string; discoveredAt: string; site: string | null };
export type TShotListItem = {
  id: string;
  name: string;
  versionCount: number;
  latest: TShotListVersion | null;
  current: TShotListVersion | null;
  parseError: string | null;
  parseErrorAt: string | null;
  missingSince: string | null;
  assignment: { status: string; artist: string } | null;
};

/**
 * Every published shot, grouped project → sequence, with its latest and current version (when the
 * scanner first saw it and which site rendered it) and what is wrong with its clip, if anything.
 */
export async function listShots(actor: Actor) {
  requireRole(actor, 'admin', 'producer');
  const tree = db().project.findMany({
    orderBy: { name: 'asc' },
    include: {
      sequences: {
        orderBy: { name: 'asc' },
        include: {
          shots: {
            orderBy: { name: 'asc' },
            select: {
              id: true, name: true, latestVuid: true, currentVuid: true, parseError: true, parseErrorAt: true, clipMissingAt: true,
              _count: { select: { versions: { where: { removedAt: null } } } },
              assignments: { where: { active: true }, select: { status: true, artist: { select: { name: true } } } },
            },
          },
        },
      },
    },
  });
  const [projects, heads] = await Promise.all([tree, listHeadVersions(db())]);
  const head = new Map(heads.map((h) => [`${h.shotId}/${h.vuid}`, h]));
  return projects.map((p) => ({
    id: p.id,
    name: p.name,
    layout: p.layout,
    sequences: p.sequences.map((s) => ({
      id: s.id,
      name: s.name,
      shots: s.shots.map((shot): TShotListItem => {
        const view = (vuid: string | null): TShotListVersion | null => {
          const v = vuid ? head.get(`${shot.id}/${vuid}`) : undefined;
          return v ? { vuid: v.vuid, name: v.name, discoveredAt: v.discoveredAt.toISOString(), site: v.site } : null;
        };
        return {
          id: shot.id,
          name: shot.name,
          versionCount: shot._count.versions,
          latest: view(shot.latestVuid),
          current: view(shot.currentVuid),
          parseError: shot.parseError,
          parseErrorAt: shot.parseErrorAt?.toISOString() ?? null,
          missingSince: shot.clipMissingAt?.toISOString() ?? null,
          assignment: shot.assignments[0] ? { status: shot.assignments[0].status, artist: shot.assignments[0].artist.name } : null,
        };
      }),
    })),
  }));
}
