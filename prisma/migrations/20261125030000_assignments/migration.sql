-- Assignments and notifications (issue 9).
--
-- notification_events is the outbox of the digest: each change worth telling someone about (assigned,
-- reassigned, status changed, new version) is one row, written in the same transaction as the change.
-- A `notify-digest` job per recipient (one job key per user) later collects that user's unsent rows and
-- turns them into ONE in-app notification and ONE webhook message, so a bulk change of hundreds of shots
-- costs each artist a single message. `dedupe_key` makes a repeated signal (a scanner seeing the same
-- new version twice) a no-op.
CREATE TABLE "notification_events" (
  "id" TEXT PRIMARY KEY,
  "user_id" TEXT NOT NULL REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "kind" TEXT NOT NULL,
  "title" TEXT NOT NULL,
  "link" TEXT,
  "data" JSONB NOT NULL DEFAULT '{}',
  "dedupe_key" TEXT UNIQUE,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "sent_at" TIMESTAMP(3)
);
CREATE INDEX "notification_events_user_id_sent_at_idx" ON "notification_events" ("user_id", "sent_at");

-- What the receiver answered on the last attempt, shown on the webhooks page next to last_error.
ALTER TABLE "webhook_deliveries" ADD COLUMN "last_status" INTEGER;
CREATE INDEX "webhook_deliveries_subscription_id_created_at_idx" ON "webhook_deliveries" ("subscription_id", "created_at");
