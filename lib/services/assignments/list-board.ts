/**
 * The producer's board: every shot by sequence with its status (unassigned when nobody holds it), artist,
 * site, due date and latest version, filtered and searched in the database. Also what the assign dialog
 * offers: the active artists with the sites of their workstations.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { boardArtists, boardPage, countBoardShots } from '@/lib/db/board-page';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { BOARD_STATUSES, movesFor, type TAssignmentStatus, type TBoardStatus } from '@/lib/domain/assignments/status';
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


export async function listBoard(actor: Actor, query: z.input<typeof ZBoardQuery> = {}, today = new Date().toISOString().slice(0, 10)): Promise<TBoardView> {
  requireRole(actor, 'admin', 'producer');
  const q = parseInput(ZBoardQuery, query);
  const client = db();
  const page = q.page ?? 1;
  const filter = { status: q.status, artistId: q.artistId, siteId: q.siteId, sequenceId: q.sequenceId, q: q.q };
  const [shots, matching, total, held, artists, sites, sequences] = await Promise.all([
    boardPage(filter, (page - 1) * BOARD_PAGE_SIZE, BOARD_PAGE_SIZE),
    // Unfiltered, the shots matching are all of them: one count, not two.
    q.status || q.artistId || q.siteId || q.sequenceId || q.q ? countBoardShots(filter) : null,
    client.shot.count(),
    client.assignment.groupBy({ by: ['status'], where: { active: true }, _count: { _all: true } }),
    boardArtists(),
    client.site.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    client.sequence.findMany({ orderBy: [{ project: { name: 'asc' } }, { name: 'asc' }], select: { id: true, name: true, project: { select: { name: true } } } }),
  ]);

  const counts = Object.fromEntries(BOARD_STATUSES.map((s) => [s, 0])) as Record<TBoardStatus, number>;
  for (const h of held) counts[h.status] = h._count._all;
  counts.unassigned = total - held.reduce((n, h) => n + h._count._all, 0);

  const groups = new Map<string, TBoardView['groups'][number]>();
  for (const s of shots) {
    const dueDate = s.dueDate?.toISOString().slice(0, 10) ?? null;
    const status = (s.status ?? 'unassigned') as TBoardStatus;
    const row: TBoardRow = {
      shotId: s.id, shot: s.name, sequenceId: s.sequenceId, parseError: s.parseError,
      status,
      latestVersion: s.latestName ? { name: s.latestName } : null,
      versionCount: s.versionCount,
      assignment: s.assignmentId
        ? { id: s.assignmentId, artistId: s.artistId!, artist: s.artist!, siteId: s.siteId!, site: s.site!, dueDate, note: s.note, overdue: !!dueDate && dueDate < today && status !== 'approved' }
        : null,
      moves: s.assignmentId ? movesFor(status as TAssignmentStatus, ['producer']).map((m) => ({ to: m.to, verb: m.verb })) : [],
    };
    const g = groups.get(s.sequenceId) ?? { sequenceId: s.sequenceId, sequence: s.sequence, project: s.project, rows: [] };
    g.rows.push(row);
    groups.set(s.sequenceId, g);
  }
  return {
    query: q, total, shown: shots.length, matching: matching ?? total, page, pageSize: BOARD_PAGE_SIZE, truncated: page * BOARD_PAGE_SIZE < (matching ?? total), counts, groups: [...groups.values()],
    artists,
    sites, sequences: sequences.map((s) => ({ id: s.id, name: s.name, project: s.project.name })),
  };
}
