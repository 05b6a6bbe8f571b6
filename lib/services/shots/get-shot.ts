/**
 * One shot with its whole version history (versions the clip no longer lists included, marked as
 * removed), what happened to it, and its clip and Batch setup paths as each site opens them.
 */
import { db } from '@/lib/db/client';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { pathAtSite } from '@/lib/domain/assignments/shot-paths';
import { AppError } from '@/lib/errors';

export type TShotVersionView = {
  id: string;
  vuid: string;
  name: string;
  position: number;
  discoveredAt: string;
  clipCreated: string | null;
  site: string | null;
  frames: string | null;
  mediaPath: string | null;
  batchSetup: string | null;
  removedAt: string | null;
  isCurrent: boolean;
  isLatest: boolean;
};

export async function getShot(actor: Actor, shotId: string) {
  requireRole(actor, 'admin', 'producer');
  const [shot, sites] = await Promise.all([
    db().shot.findUnique({
      where: { id: shotId },
      include: {
        sequence: { select: { name: true, project: { select: { id: true, name: true } } } },
        versions: { orderBy: { position: 'desc' }, include: { site: { select: { name: true } } } },
        events: { orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 50 },
        assignments: { where: { active: true }, select: { status: true, artist: { select: { name: true } }, site: { select: { name: true } } } },
      },
    }),
    db().site.findMany({ where: { publishRoot: { not: null } }, select: { id: true, name: true, isHome: true, publishRoot: true }, orderBy: [{ isHome: 'desc' }, { name: 'asc' }] }),
  ]);
  if (!shot) throw new AppError('NOT_FOUND', 'That shot does not exist (or is no longer published).');
  const roots = sites.map((s) => ({ siteId: s.id, publishRoot: s.publishRoot }));
  // Versions still listed first (newest first), then the history the clip dropped.
  const versions = [...shot.versions].sort((a, b) => Number(a.removedAt !== null) - Number(b.removedAt !== null) || b.position - a.position);
  return {
    id: shot.id,
    name: shot.name,
    project: shot.sequence.project,
    sequence: shot.sequence.name,
    folderPath: shot.folderPath,
    parseError: shot.parseError,
    parseErrorAt: shot.parseErrorAt?.toISOString() ?? null,
    missingSince: shot.clipMissingAt?.toISOString() ?? null,
    assignment: shot.assignments[0] ? { status: shot.assignments[0].status, artist: shot.assignments[0].artist.name, site: shot.assignments[0].site.name } : null,
    paths: sites.map((s) => ({
      site: s.name,
      isHome: s.isHome,
      clip: pathAtSite(shot.clipPath, roots, s.id),
      batch: pathAtSite(shot.batchPath, roots, s.id),
    })),
    versions: versions.map(
      (v): TShotVersionView => ({
        id: v.id,
        vuid: v.vuid,
        name: v.name,
        position: v.position,
        discoveredAt: v.discoveredAt.toISOString(),
        clipCreated: v.clipCreated ? v.clipCreated.toISOString().slice(0, 19).replace('T', ' ') : null,
        site: v.site?.name ?? null,
        frames: v.frameStart !== null && v.frameEnd !== null ? `${v.frameStart}–${v.frameEnd}` : null,
        mediaPath: v.mediaPath,
        batchSetup: v.batchSetup,
        removedAt: v.removedAt?.toISOString() ?? null,
        isCurrent: v.vuid === shot.currentVuid,
        isLatest: v.vuid === shot.latestVuid,
      }),
    ),
    events: shot.events.map((e) => ({ id: String(e.id), at: e.at.toISOString(), kind: e.kind, vuid: e.vuid, summary: e.summary })),
  };
}

export type TShotDetail = Awaited<ReturnType<typeof getShot>>;
