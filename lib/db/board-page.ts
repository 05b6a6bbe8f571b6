/**
 * The producer's board: one page of shots (project → sequence → shot name order) with each one's latest
 * version, version count and active assignment, how many shots match the filters, and the artists the
 * assign dialog offers. Raw SQL on purpose: through Prisma, ordering by two relations' names cost about
 * 13 ms of a request at 20,000 shots, and the page's relations another 10 ms of CPU in the query
 * compiler and result mapping (bench/pages.ts); PostgreSQL answers each of these in a millisecond or two.
 */
import { db, type Tx } from './client';
import { Prisma } from './generated/client';

export type TBoardFilter = { status?: string; artistId?: string; siteId?: string; sequenceId?: string; q?: string };

/** `%`, `_` and `\` in a search are letters, not patterns. */
const likeOf = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function whereOf(f: TBoardFilter): Prisma.Sql {
  const and: Prisma.Sql[] = [Prisma.sql`TRUE`];
  const held: Prisma.Sql[] = [];
  if (f.status && f.status !== 'unassigned') held.push(Prisma.sql`a.status::text = ${f.status}`);
  if (f.artistId) held.push(Prisma.sql`a.artist_id = ${f.artistId}`);
  if (f.siteId) held.push(Prisma.sql`a.site_id = ${f.siteId}`);
  if (f.status === 'unassigned') and.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM assignments a WHERE a.shot_id = s.id AND a.active)`);
  if (held.length) and.push(Prisma.sql`EXISTS (SELECT 1 FROM assignments a WHERE a.shot_id = s.id AND a.active AND ${Prisma.join(held, ' AND ')})`);
  if (f.sequenceId) and.push(Prisma.sql`s.sequence_id = ${f.sequenceId}`);
  if (f.q) {
    const like = likeOf(f.q);
    and.push(Prisma.sql`(s.name ILIKE ${like} OR q.name ILIKE ${like} OR p.name ILIKE ${like}
      OR EXISTS (SELECT 1 FROM assignments a JOIN users u ON u.id = a.artist_id WHERE a.shot_id = s.id AND a.active AND u.name ILIKE ${like}))`);
  }
  return Prisma.join(and, ' AND ');
}

const FROM = Prisma.sql`FROM shots s JOIN sequences q ON q.id = s.sequence_id JOIN projects p ON p.id = q.project_id`;

export type TBoardPageRow = {
  id: string; name: string; parseError: string | null; sequenceId: string; sequence: string; project: string;
  latestName: string | null; versionCount: number;
  assignmentId: string | null; status: string | null; dueDate: Date | null; note: string | null;
  artistId: string | null; artist: string | null; siteId: string | null; site: string | null;
};

/** One page of the board; at most one assignment per shot is active (a partial unique index says so). */
export async function boardPage(f: TBoardFilter, skip: number, take: number, tx: Tx = db()): Promise<TBoardPageRow[]> {
  return tx.$queryRaw<TBoardPageRow[]>`
    WITH page AS (
      SELECT s.id, s.name, s.parse_error, q.id AS sequence_id, q.name AS sequence, p.name AS project
      ${FROM} WHERE ${whereOf(f)} ORDER BY p.name, q.name, s.name LIMIT ${take} OFFSET ${skip}
    )
    SELECT pg.id, pg.name, pg.parse_error AS "parseError", pg.sequence_id AS "sequenceId", pg.sequence, pg.project,
      lv.name AS "latestName", vc.n AS "versionCount",
      a.id AS "assignmentId", a.status::text AS status, a.due_date AS "dueDate", a.note,
      a.artist_id AS "artistId", u.name AS artist, a.site_id AS "siteId", st.name AS site
    FROM page pg
    LEFT JOIN LATERAL (SELECT v.name FROM versions v WHERE v.shot_id = pg.id AND v.removed_at IS NULL ORDER BY v.position DESC LIMIT 1) lv ON TRUE
    LEFT JOIN LATERAL (SELECT count(*)::int AS n FROM versions v WHERE v.shot_id = pg.id AND v.removed_at IS NULL) vc ON TRUE
    LEFT JOIN assignments a ON a.shot_id = pg.id AND a.active
    LEFT JOIN users u ON u.id = a.artist_id
    LEFT JOIN sites st ON st.id = a.site_id
    ORDER BY pg.project, pg.sequence, pg.name`;
}

/** Active artists by name, each with the sites where they have a workstation that is not terminated. */
export async function boardArtists(tx: Tx = db()): Promise<Array<{ id: string; name: string; sites: string[] }>> {
  return tx.$queryRaw`
    SELECT u.id, u.name, COALESCE(array_agg(DISTINCT st.name ORDER BY st.name) FILTER (WHERE st.name IS NOT NULL), '{}') AS sites
    FROM users u
    LEFT JOIN workstations w ON w.artist_id = u.id AND w.desired_state <> 'terminated'
    LEFT JOIN sites st ON st.id = w.site_id
    WHERE 'artist' = ANY(u.roles) AND NOT u.disabled
    GROUP BY u.id, u.name ORDER BY u.name`;
}

export async function countBoardShots(f: TBoardFilter, tx: Tx = db()): Promise<number> {
  const rows = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n ${FROM} WHERE ${whereOf(f)}`;
  return rows[0]?.n ?? 0;
}
