/**
 * The Shot Publish scanner's reads, in plain SQL: indexing 10,000 clips spends its time per statement,
 * and Prisma's query building costs milliseconds of CPU per statement in this process, so the hot path
 * uses few, raw statements (see shot-write.ts for the write). Column names follow migrations
 * 20261125000000_init and 20261125050000_shots; the shots integration tests exercise them.
 */
import type { Tx } from './client';
import { Prisma } from './generated/client';

export type TStoredVersionRow = { vuid: string; name: string; position: number; contentHash: string | null; siteId: string | null; removedAt: Date | null };

export type TShotStateRow = {
  id: string;
  clipPath: string | null;
  clipHash: string | null;
  clipSize: number | null;
  clipMtime: Date | null;
  clipMissingAt: Date | null;
  currentVuid: string | null;
  latestVuid: string | null;
  parseError: string | null;
  parseErrorAt: Date | null;
  clipSnapshot: unknown;
  versions: TStoredVersionRow[];
};

type TRaw = Omit<TShotStateRow, 'versions'> & { versions: Array<Omit<TStoredVersionRow, 'removedAt'> & { removedAt: string | null }> };

// A constant fragment (no values in it), spliced into the tagged queries below.
const STATE = Prisma.raw(`s.id, s.clip_path AS "clipPath", s.clip_hash AS "clipHash", s.clip_size AS "clipSize", s.clip_mtime AS "clipMtime",
  s.clip_missing_at AS "clipMissingAt", s.current_vuid AS "currentVuid", s.latest_vuid AS "latestVuid", s.parse_error AS "parseError",
  s.parse_error_at AS "parseErrorAt"`);
const DETAIL = Prisma.raw(`, s.clip_snapshot AS "clipSnapshot",
  COALESCE((SELECT json_agg(json_build_object('vuid', v.vuid, 'name', v.name, 'position', v.position, 'contentHash', v.content_hash,
    'siteId', v.site_id, 'removedAt', v.removed_at)) FROM versions v WHERE v.shot_id = s.id), '[]'::json) AS versions`);

/**
 * The shot as stored. `detail` adds the snapshot and the version rows (what a change is planned from);
 * without it, only what decides whether the file changed (cheap enough for every clip of a rescan).
 */
export async function readShotState(tx: Tx, sequenceId: string, name: string, detail: boolean): Promise<TShotStateRow | null> {
  const rows = await tx.$queryRaw<TRaw[]>`SELECT ${STATE}${detail ? DETAIL : Prisma.empty} FROM shots s WHERE s.sequence_id = ${sequenceId} AND s.name = ${name}`;
  const r = rows[0];
  if (!r) return null;
  return { ...r, clipSnapshot: r.clipSnapshot ?? null, versions: (r.versions ?? []).map((v) => ({ ...v, removedAt: v.removedAt ? new Date(`${v.removedAt}Z`) : null })) };
}

// Prisma stores DateTime as UTC wall clock in `timestamp` columns; an ISO string cast to `timestamp`
// drops its zone and does the same, whatever the session's TimeZone.
export const ts = (d: Date | null) => (d ? d.toISOString() : null);

/** Only the file's size and mtime moved (the bytes did not): recorded so rescans can trust them. */
export async function touchShotFile(tx: Tx, id: string, size: number, mtime: Date): Promise<void> {
  await tx.$executeRaw`UPDATE shots SET clip_size = ${size}, clip_mtime = ${ts(mtime)}::timestamp(3), updated_at = now() AT TIME ZONE 'UTC' WHERE id = ${id}`;
}

export type THeadVersionRow = { shotId: string; vuid: string; name: string; discoveredAt: Date; site: string | null };

/**
 * Each shot's latest and current version (with the site that rendered it), in one pass, so a list of
 * thousands of shots does not load every version of every shot.
 */
export function listHeadVersions(tx: Tx): Promise<THeadVersionRow[]> {
  return tx.$queryRaw<THeadVersionRow[]>`
    SELECT v.shot_id AS "shotId", v.vuid, v.name, v.discovered_at AS "discoveredAt", st.name AS site
    FROM shots s JOIN versions v ON v.shot_id = s.id AND v.vuid IN (s.latest_vuid, s.current_vuid)
    LEFT JOIN sites st ON st.id = v.site_id`;
}
