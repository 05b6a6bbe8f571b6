/**
 * The producer's board: every shot by sequence with its status (unassigned when nobody holds it), artist,
 * site, due date and latest version, filtered and searched in the database. Also what the assign dialog
 * offers: the active artists with the sites of their workstations.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { BOARD_STATUSES, movesFor, type TBoardStatus } from '@/lib/domain/assignments/status';
import type { TBoardRow, TBoardView } from '@/lib/domain/assignments/views';
import { parseInput } from './parse-input';

export const ZBoardQuery = z.object({
  status: z.enum(BOARD_STATUSES).optional().catch(undefined),
  artistId: z.string().min(1).optional().catch(undefined),
  siteId: z.string().min(1).optional().catch(undefined),
  sequenceId: z.string().min(1).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined).transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type TBoardQuery = z.infer<typeof ZBoardQuery>;

/**
 * Shots per page. The board used to render up to 2,000 rows (4 MB of HTML at 20,000 shots, seconds per
 * request in bench/pages.ts); a producer works through it with filters and pages instead.
 */
export const BOARD_PAGE_SIZE = 100;

function whereOf(q: TBoardQuery): Prisma.ShotWhereInput {
  const and: Prisma.ShotWhereInput[] = [];
  const held: Prisma.AssignmentWhereInput = { active: true };
  if (q.status && q.status !== 'unassigned') held.status = q.status;
  if (q.artistId) held.artistId = q.artistId;
  if (q.siteId) held.siteId = q.siteId;
  if (q.status === 'unassigned') and.push({ assignments: { none: { active: true } } });
  if (Object.keys(held).length > 1) and.push({ assignments: { some: held } });
  if (q.sequenceId) and.push({ sequenceId: q.sequenceId });
  if (q.q) {
    const contains = { contains: q.q, mode: 'insensitive' as const };
    and.push({ OR: [{ name: contains }, { sequence: { name: contains } }, { sequence: { project: { name: contains } } }, { assignments: { some: { active: true, artist: { name: contains } } } }] });
  }
  return { AND: and };
}

export async function listBoard(actor: Actor, query: z.input<typeof ZBoardQuery> = {}, today = new Date().toISOString().slice(0, 10)): Promise<TBoardView> {
  requireRole(actor, 'admin', 'producer');
  const q = parseInput(ZBoardQuery, query);
  const client = db();
  const page = q.page ?? 1;
  const where = whereOf(q);
  const [shots, matching, total, held, artists, sites, sequences] = await Promise.all([
    client.shot.findMany({
      where,
      orderBy: [{ sequence: { project: { name: 'asc' } } }, { sequence: { name: 'asc' } }, { name: 'asc' }],
      skip: (page - 1) * BOARD_PAGE_SIZE,
      take: BOARD_PAGE_SIZE,
      select: {
        id: true, name: true, folderPath: true, parseError: true,
        sequence: { select: { id: true, name: true, project: { select: { name: true } } } },
        // A version the clip no longer lists (rewritten by a Write File node) is history, not the latest.
        versions: { where: { removedAt: null }, orderBy: { position: 'desc' }, take: 1, select: { name: true, discoveredAt: true } },
        assignments: {
          where: { active: true },
          select: { id: true, status: true, dueDate: true, note: true, artistId: true, siteId: true, artist: { select: { name: true } }, site: { select: { name: true } } },
        },
      },
    }),
    // Unfiltered, the shots matching are all of them: one count, not two.
    q.status || q.artistId || q.siteId || q.sequenceId || q.q ? client.shot.count({ where }) : null,
    client.shot.count(),
    client.assignment.groupBy({ by: ['status'], where: { active: true }, _count: { _all: true } }),
    client.user.findMany({
      where: { roles: { has: 'artist' }, disabled: false },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, workstations: { where: { desiredState: { not: 'terminated' } }, select: { site: { select: { name: true } } } } },
    }),
    client.site.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    client.sequence.findMany({ orderBy: [{ project: { name: 'asc' } }, { name: 'asc' }], select: { id: true, name: true, project: { select: { name: true } } } }),
  ]);

  // Version counts for this page's shots only: asked inside the page query, Prisma counted every version
  // of the studio (a GROUP BY over 100,000 rows) on each request (bench/pages.ts).
  const versionCounts = new Map((await client.version.groupBy({ by: ['shotId'], where: { shotId: { in: shots.map((s) => s.id) }, removedAt: null }, _count: { _all: true } })).map((v) => [v.shotId, v._count._all]));
  const counts = Object.fromEntries(BOARD_STATUSES.map((s) => [s, 0])) as Record<TBoardStatus, number>;
  for (const h of held) counts[h.status] = h._count._all;
  counts.unassigned = total - held.reduce((n, h) => n + h._count._all, 0);

  const rows: TBoardRow[] = shots.map((s) => {
    const a = s.assignments[0];
    const dueDate = a?.dueDate?.toISOString().slice(0, 10) ?? null;
    return {
      shotId: s.id, shot: s.name, sequenceId: s.sequence.id, sequence: s.sequence.name, project: s.sequence.project.name, parseError: s.parseError,
      status: a?.status ?? 'unassigned',
      latestVersion: s.versions[0] ? { name: s.versions[0].name, discoveredAt: s.versions[0].discoveredAt.toISOString() } : null,
      versionCount: versionCounts.get(s.id) ?? 0,
      assignment: a
        ? { id: a.id, artistId: a.artistId, artist: a.artist.name, siteId: a.siteId, site: a.site.name, dueDate, note: a.note, overdue: !!dueDate && dueDate < today && a.status !== 'approved' }
        : null,
      moves: a ? movesFor(a.status, ['producer']).map((m) => ({ to: m.to, verb: m.verb })) : [],
    };
  });
  const groups = new Map<string, TBoardView['groups'][number]>();
  for (const r of rows) {
    const g = groups.get(r.sequenceId) ?? { sequenceId: r.sequenceId, sequence: r.sequence, project: r.project, rows: [] };
    g.rows.push(r);
    groups.set(r.sequenceId, g);
  }
  return {
    query: q, total, shown: rows.length, matching: matching ?? total, page, pageSize: BOARD_PAGE_SIZE, truncated: page * BOARD_PAGE_SIZE < (matching ?? total), counts, groups: [...groups.values()],
    artists: artists.map((a) => ({ id: a.id, name: a.name, sites: [...new Set(a.workstations.map((w) => w.site.name))].sort() })),
    sites, sequences: sequences.map((s) => ({ id: s.id, name: s.name, project: s.project.name })),
  };
}
