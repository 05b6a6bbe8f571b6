-- Shots (issue 6): what the Shot Publish scanner needs to keep the last good reading of every shot clip,
-- to skip unchanged files cheaply on a rescan, to keep the history of versions even after the Write File
-- node rewrote the clip without them, and to show what happened to a shot and when.
--
-- shots.clip_snapshot: the last clip that parsed (lib/domain/openclip ZOpenClip, as JSON). The next
--   reading is diffed against it; a reading that fails to parse never replaces it.
-- shots.clip_size / clip_mtime: the file as last read, so a periodic rescan reads only files whose size
--   or mtime moved (the content hash, clip_hash, still decides whether anything is written).
-- shots.clip_missing_at: the clip was not found under the publish root by the last full scan. The shot
--   and its versions stay; the mark clears when the file is back.
ALTER TABLE "shots" ADD COLUMN "clip_snapshot" JSONB;
ALTER TABLE "shots" ADD COLUMN "clip_size" INTEGER;
ALTER TABLE "shots" ADD COLUMN "clip_mtime" TIMESTAMP(3);
ALTER TABLE "shots" ADD COLUMN "clip_missing_at" TIMESTAMP(3);
CREATE INDEX "shots_clip_path_idx" ON "shots" ("clip_path");

-- versions.batch_setup: the Batch setup that produced the version (its userData batchSetup), as written.
-- versions.removed_at: the clip no longer lists this version (rewritten); the row is history, not deleted.
ALTER TABLE "versions" ADD COLUMN "batch_setup" TEXT;
ALTER TABLE "versions" ADD COLUMN "removed_at" TIMESTAMP(3);

-- What happened to a shot, newest last: discovered, version added, current changed, re-rendered, clip
-- rewritten, parse failed / recovered, missing / back. Written in the transaction that records the change.
CREATE TABLE "shot_events" (
  "id" BIGSERIAL PRIMARY KEY,
  "shot_id" TEXT NOT NULL REFERENCES "shots"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "kind" TEXT NOT NULL,
  "vuid" TEXT,
  "summary" TEXT NOT NULL,
  "data" JSONB
);
CREATE INDEX "shot_events_shot_id_at_idx" ON "shot_events" ("shot_id", "at");
