/**
 * Records one reading of a shot clip in ONE SQL statement: the shot row, new versions, re-rendered and
 * removed/restored versions, the shot events, and the live notice for browsers (pg_notify, sent on
 * commit). The statement is a compare-and-set: it applies only if the shot still carries the clip hash
 * (and missing mark) the change was planned from, so two scans racing on one clip cannot both record
 * it; the loser re-reads and finds nothing left to do. Being one statement, it is atomic without an
 * interactive transaction, which is what makes a full index of thousands of clips fast (Prisma's
 * interactive transactions cost milliseconds of CPU each here). Callers that must add writes of their
 * own atomically (announcements) run it inside one.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from './client';
import { ts } from './shot-state';

export type TShotFields = {
  folderPath: string;
  clipPath: string;
  clipHash: string;
  clipSize: number;
  clipMtime: Date;
  clipMissingAt: Date | null;
  parseError: string | null;
  parseErrorAt: Date | null;
  /** Only for a clip that parsed; otherwise these keep what they were. */
  parsed?: { batchPath: string | null; currentVuid: string | null; latestVuid: string | null; snapshot: unknown };
};

export type TVersionFields = {
  vuid: string; name: string; position: number; clipCreated: Date | null; frameStart: number | null; frameEnd: number | null;
  mediaPath: string | null; batchSetup: string | null; contentHash: string; siteId: string | null;
};
export type TEventFields = { kind: string; vuid: string | null; summary: string; data: unknown };

export type TShotWrite = {
  sequenceId: string;
  name: string;
  /** null: the shot is new (inserted unless a concurrent scan created it first). */
  expected: { id: string; clipHash: string | null; missing: boolean } | null;
  shot: TShotFields;
  create: readonly TVersionFields[];
  /** Versions whose content changed; a null siteId keeps the one recorded. */
  update: readonly TVersionFields[];
  remove: readonly string[];
  restore: readonly string[];
  events: readonly TEventFields[];
  notice: { channel: string; topic: string } | null;
};

export type TShotWriteResult = { applied: false } | { applied: true; shotId: string; created: Map<string, string> };

const versionJson = (rows: readonly TVersionFields[]) => JSON.stringify(rows.map((v) => ({ ...v, id: randomUUID(), clipCreated: ts(v.clipCreated) })));

export async function applyShotWrite(tx: Tx, w: TShotWrite): Promise<TShotWriteResult> {
  const s = w.shot;
  const p = s.parsed;
  const newId = randomUUID();
  const e = w.expected;
  // A row may be changed once per statement: a version both restored and re-rendered is restored by `vu`.
  const restoreOnly = w.restore.filter((vuid) => !w.update.some((u) => u.vuid === vuid));
  const rows = await tx.$queryRaw<{ shotId: string | null; created: Array<{ vuid: string; id: string }> | null }[]>`
    WITH ins AS (
      INSERT INTO shots (id, sequence_id, name, folder_path, clip_path, batch_path, current_vuid, latest_vuid, clip_hash, parse_error, parse_error_at,
        clip_snapshot, clip_size, clip_mtime, clip_missing_at, updated_at)
      SELECT ${newId}, ${w.sequenceId}, ${w.name}, ${s.folderPath}, ${s.clipPath}, ${p?.batchPath ?? null}, ${p?.currentVuid ?? null}, ${p?.latestVuid ?? null},
        ${s.clipHash}, ${s.parseError}, ${ts(s.parseErrorAt)}::timestamp(3), ${p ? JSON.stringify(p.snapshot) : null}::jsonb, ${s.clipSize},
        ${ts(s.clipMtime)}::timestamp(3), ${ts(s.clipMissingAt)}::timestamp(3), now() AT TIME ZONE 'UTC'
      WHERE ${e === null}
      ON CONFLICT (sequence_id, name) DO NOTHING
      RETURNING id
    ), upd AS (
      UPDATE shots SET folder_path = ${s.folderPath}, clip_path = ${s.clipPath}, clip_hash = ${s.clipHash}, clip_size = ${s.clipSize},
        clip_mtime = ${ts(s.clipMtime)}::timestamp(3), clip_missing_at = ${ts(s.clipMissingAt)}::timestamp(3), parse_error = ${s.parseError},
        parse_error_at = ${ts(s.parseErrorAt)}::timestamp(3),
        batch_path = CASE WHEN ${p !== undefined} THEN ${p?.batchPath ?? null} ELSE batch_path END,
        current_vuid = CASE WHEN ${p !== undefined} THEN ${p?.currentVuid ?? null} ELSE current_vuid END,
        latest_vuid = CASE WHEN ${p !== undefined} THEN ${p?.latestVuid ?? null} ELSE latest_vuid END,
        clip_snapshot = CASE WHEN ${p !== undefined} THEN ${p ? JSON.stringify(p.snapshot) : null}::jsonb ELSE clip_snapshot END,
        updated_at = now() AT TIME ZONE 'UTC'
      WHERE id = ${e?.id ?? ''} AND clip_hash IS NOT DISTINCT FROM ${e?.clipHash ?? null} AND (clip_missing_at IS NOT NULL) = ${e?.missing ?? false}
      RETURNING id
    ), s AS (
      SELECT id FROM ins UNION ALL SELECT id FROM upd
    ), v AS (
      INSERT INTO versions (id, shot_id, vuid, name, position, clip_created, frame_start, frame_end, media_path, content_hash, site_id, batch_setup, discovered_at)
      SELECT x.id, s.id, x.vuid, x.name, x.position, x."clipCreated", x."frameStart", x."frameEnd", x."mediaPath", x."contentHash", x."siteId", x."batchSetup",
        now() AT TIME ZONE 'UTC'
      FROM s, jsonb_to_recordset(${versionJson(w.create)}::jsonb) AS x(id text, vuid text, name text, position int, "clipCreated" timestamp(3),
        "frameStart" int, "frameEnd" int, "mediaPath" text, "contentHash" text, "siteId" text, "batchSetup" text)
      ON CONFLICT (shot_id, vuid) DO NOTHING
      RETURNING vuid, id
    ), vu AS (
      UPDATE versions SET name = x.name, position = x.position, clip_created = x."clipCreated", frame_start = x."frameStart", frame_end = x."frameEnd",
        media_path = x."mediaPath", content_hash = x."contentHash", batch_setup = x."batchSetup", site_id = COALESCE(x."siteId", versions.site_id),
        removed_at = CASE WHEN versions.vuid = ANY(${[...w.restore]}::text[]) THEN NULL ELSE versions.removed_at END
      FROM s, jsonb_to_recordset(${versionJson(w.update)}::jsonb) AS x(id text, vuid text, name text, position int, "clipCreated" timestamp(3),
        "frameStart" int, "frameEnd" int, "mediaPath" text, "contentHash" text, "siteId" text, "batchSetup" text)
      WHERE versions.shot_id = s.id AND versions.vuid = x.vuid
      RETURNING versions.id
    ), vr AS (
      UPDATE versions SET removed_at = CASE WHEN versions.vuid = ANY(${restoreOnly}::text[]) THEN NULL ELSE now() AT TIME ZONE 'UTC' END
      FROM s
      WHERE versions.shot_id = s.id
        AND ((versions.vuid = ANY(${[...w.remove]}::text[]) AND versions.removed_at IS NULL) OR versions.vuid = ANY(${restoreOnly}::text[]))
      RETURNING versions.id
    ), ev AS (
      INSERT INTO shot_events (shot_id, kind, vuid, summary, data, at)
      SELECT s.id, x.kind, x.vuid, x.summary, x.data, now() AT TIME ZONE 'UTC'
      FROM s, jsonb_to_recordset(${JSON.stringify(w.events)}::jsonb) AS x(kind text, vuid text, summary text, data jsonb)
      RETURNING id
    ), n AS (
      SELECT pg_notify(${w.notice?.channel ?? ''}, json_build_object('topic', ${w.notice?.topic ?? ''}::text, 'id', s.id)::text) FROM s WHERE ${w.notice !== null}
    )
    SELECT (SELECT id FROM s LIMIT 1) AS "shotId", (SELECT json_agg(json_build_object('vuid', vuid, 'id', id)) FROM v) AS created,
      (SELECT count(*) FROM n) AS notified, (SELECT count(*) FROM vu) + (SELECT count(*) FROM vr) + (SELECT count(*) FROM ev) AS touched`;
  const r = rows[0];
  if (!r?.shotId) return { applied: false };
  return { applied: true, shotId: r.shotId, created: new Map((r.created ?? []).map((c) => [c.vuid, c.id])) };
}
