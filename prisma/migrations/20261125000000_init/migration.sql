-- Initial schema of the studio control plane. Hand-written: see docs/architecture.md, "Migrations".

CREATE TYPE "Role" AS ENUM ('admin', 'producer', 'artist');
CREATE TYPE "SiteState" AS ENUM ('planned', 'provisioning', 'active', 'draining', 'stopped', 'failed');
CREATE TYPE "StepStatus" AS ENUM ('pending', 'running', 'done', 'failed');
CREATE TYPE "ProfileKind" AS ENUM ('flame', 'flare', 'flame_assist');
CREATE TYPE "DesiredState" AS ENUM ('running', 'stopped', 'terminated');
CREATE TYPE "ApplicationState" AS ENUM ('pending', 'applied', 'removing', 'failed');
CREATE TYPE "AssignmentStatus" AS ENUM ('assigned', 'in_progress', 'pending_review', 'approved', 'on_hold');

CREATE TABLE "users" (
  "id" TEXT PRIMARY KEY,
  "email" TEXT NOT NULL UNIQUE,
  "name" TEXT NOT NULL,
  "password_hash" TEXT,
  "roles" "Role"[] NOT NULL DEFAULT '{}',
  "disabled" BOOLEAN NOT NULL DEFAULT false,
  "failed_sign_ins" INTEGER NOT NULL DEFAULT 0,
  "locked_until" TIMESTAMP(3),
  "time_zone" TEXT,
  "notification_prefs" JSONB NOT NULL DEFAULT '{}',
  "email_verified" TIMESTAMP(3),
  "image" TEXT,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL
);

CREATE TABLE "accounts" (
  "id" TEXT PRIMARY KEY,
  "user_id" TEXT NOT NULL REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "type" TEXT NOT NULL,
  "provider" TEXT NOT NULL,
  "provider_account_id" TEXT NOT NULL,
  "refresh_token" TEXT,
  "access_token" TEXT,
  "expires_at" INTEGER,
  "token_type" TEXT,
  "scope" TEXT,
  "id_token" TEXT,
  "session_state" TEXT,
  UNIQUE ("provider", "provider_account_id")
);

CREATE TABLE "sessions" (
  "id" TEXT PRIMARY KEY,
  "session_token" TEXT NOT NULL UNIQUE,
  "user_id" TEXT NOT NULL REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "expires" TIMESTAMP(3) NOT NULL
);

CREATE TABLE "verification_tokens" (
  "identifier" TEXT NOT NULL,
  "token" TEXT NOT NULL,
  "expires" TIMESTAMP(3) NOT NULL,
  UNIQUE ("identifier", "token")
);

CREATE TABLE "sites" (
  "id" TEXT PRIMARY KEY,
  "region" TEXT NOT NULL UNIQUE,
  "name" TEXT NOT NULL UNIQUE,
  "state" "SiteState" NOT NULL DEFAULT 'planned',
  "is_home" BOOLEAN NOT NULL DEFAULT false,
  "failure_reason" TEXT,
  "anvil_url" TEXT,
  "anvil_username" TEXT,
  "anvil_password_enc" TEXT,
  "anvil_trust_self_signed" BOOLEAN NOT NULL DEFAULT false,
  "anvil_healthy" BOOLEAN,
  "anvil_unreachable_at" TIMESTAMP(3),
  "publish_root" TEXT,
  "dcv_gateway_host" TEXT,
  "launches_allowed" BOOLEAN NOT NULL DEFAULT true,
  "artists_may_start_stop" BOOLEAN NOT NULL DEFAULT true,
  "idle_stop_minutes" INTEGER,
  "idle_warn_minutes" INTEGER NOT NULL DEFAULT 10,
  "last_reconciled_at" TIMESTAMP(3),
  "last_reconcile_error" TEXT,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL
);
-- Exactly one home site at most.
CREATE UNIQUE INDEX "sites_one_home" ON "sites" ("is_home") WHERE "is_home";

CREATE TABLE "site_steps" (
  "id" TEXT PRIMARY KEY,
  "site_id" TEXT NOT NULL REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "workflow" TEXT NOT NULL,
  "key" TEXT NOT NULL,
  "position" INTEGER NOT NULL,
  "status" "StepStatus" NOT NULL DEFAULT 'pending',
  "detail" TEXT,
  "started_at" TIMESTAMP(3),
  "finished_at" TIMESTAMP(3),
  UNIQUE ("site_id", "workflow", "key")
);

CREATE TABLE "launch_profiles" (
  "id" TEXT PRIMARY KEY,
  "site_id" TEXT NOT NULL REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "name" TEXT NOT NULL,
  "kind" "ProfileKind" NOT NULL,
  "ami_id" TEXT NOT NULL,
  "instance_types" TEXT[] NOT NULL DEFAULT '{}',
  "subnet_id" TEXT,
  "security_group_ids" TEXT[] NOT NULL DEFAULT '{}',
  "volume_size_gb" INTEGER NOT NULL DEFAULT 500,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL,
  UNIQUE ("site_id", "name")
);

CREATE TABLE "instance_type_prices" (
  "instance_type" TEXT PRIMARY KEY,
  "hourly_usd" DECIMAL(10,4) NOT NULL,
  "updated_at" TIMESTAMP(3) NOT NULL
);

CREATE TABLE "workstations" (
  "id" TEXT PRIMARY KEY,
  "site_id" TEXT NOT NULL REFERENCES "sites"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "profile_id" TEXT REFERENCES "launch_profiles"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "name" TEXT NOT NULL UNIQUE,
  "instance_type" TEXT NOT NULL,
  "desired_state" "DesiredState" NOT NULL,
  "observed_state" TEXT,
  "instance_id" TEXT UNIQUE,
  "client_token" TEXT NOT NULL UNIQUE,
  "launch_generation" INTEGER NOT NULL DEFAULT 1,
  "artist_id" TEXT REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "dcv_host" TEXT,
  "dcv_port" INTEGER NOT NULL DEFAULT 8443,
  "dcv_session_id" TEXT NOT NULL DEFAULT 'console',
  "dcv_connected" BOOLEAN NOT NULL DEFAULT false,
  "private_ip" TEXT,
  "last_error_code" TEXT,
  "last_error" TEXT,
  "lost" BOOLEAN NOT NULL DEFAULT false,
  "launched_at" TIMESTAMP(3),
  "observed_at" TIMESTAMP(3),
  "idle_since" TIMESTAMP(3),
  "idle_warned_at" TIMESTAMP(3),
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL
);
CREATE INDEX "workstations_site_id_desired_state_idx" ON "workstations" ("site_id", "desired_state");
CREATE INDEX "workstations_artist_id_idx" ON "workstations" ("artist_id");

CREATE TABLE "workstation_events" (
  "id" BIGSERIAL PRIMARY KEY,
  "workstation_id" TEXT NOT NULL REFERENCES "workstations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "kind" TEXT NOT NULL,
  "state" TEXT,
  "message" TEXT NOT NULL,
  "actor_id" TEXT
);
CREATE INDEX "workstation_events_workstation_id_at_idx" ON "workstation_events" ("workstation_id", "at");

CREATE TABLE "orphan_instances" (
  "id" TEXT PRIMARY KEY,
  "site_id" TEXT NOT NULL REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "instance_id" TEXT NOT NULL UNIQUE,
  "instance_type" TEXT NOT NULL,
  "state" TEXT NOT NULL,
  "tags" JSONB NOT NULL DEFAULT '{}',
  "first_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "shares" (
  "id" TEXT PRIMARY KEY,
  "name" TEXT NOT NULL UNIQUE,
  "path" TEXT NOT NULL,
  "lag_alert_seconds" INTEGER NOT NULL DEFAULT 60,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "share_participants" (
  "share_id" TEXT NOT NULL REFERENCES "shares"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "site_id" TEXT NOT NULL REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "oper_state" TEXT,
  "joined_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("share_id", "site_id")
);

CREATE TABLE "objectives" (
  "id" TEXT PRIMARY KEY,
  "name" TEXT NOT NULL UNIQUE,
  "expression" TEXT NOT NULL,
  "description" TEXT,
  "preset" TEXT,
  "created_by_id" TEXT,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL
);

CREATE TABLE "objective_applications" (
  "id" TEXT PRIMARY KEY,
  "objective_id" TEXT NOT NULL REFERENCES "objectives"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "share_id" TEXT NOT NULL REFERENCES "shares"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "site_id" TEXT NOT NULL REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "path" TEXT NOT NULL DEFAULT '/',
  "state" "ApplicationState" NOT NULL DEFAULT 'pending',
  "last_error" TEXT,
  "applied_at" TIMESTAMP(3),
  "repaired_at" TIMESTAMP(3),
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE ("objective_id", "share_id", "site_id", "path")
);

CREATE TABLE "projects" (
  "id" TEXT PRIMARY KEY,
  "name" TEXT NOT NULL UNIQUE,
  "layout" TEXT,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "sequences" (
  "id" TEXT PRIMARY KEY,
  "project_id" TEXT NOT NULL REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "name" TEXT NOT NULL,
  UNIQUE ("project_id", "name")
);

CREATE TABLE "shots" (
  "id" TEXT PRIMARY KEY,
  "sequence_id" TEXT NOT NULL REFERENCES "sequences"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "name" TEXT NOT NULL,
  "folder_path" TEXT NOT NULL,
  "clip_path" TEXT,
  "batch_path" TEXT,
  "current_vuid" TEXT,
  "latest_vuid" TEXT,
  "clip_hash" TEXT,
  "parse_error" TEXT,
  "parse_error_at" TIMESTAMP(3),
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL,
  UNIQUE ("sequence_id", "name")
);

CREATE TABLE "versions" (
  "id" TEXT PRIMARY KEY,
  "shot_id" TEXT NOT NULL REFERENCES "shots"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "vuid" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "position" INTEGER NOT NULL,
  "clip_created" TIMESTAMP(3),
  "frame_start" INTEGER,
  "frame_end" INTEGER,
  "media_path" TEXT,
  "content_hash" TEXT,
  "site_id" TEXT REFERENCES "sites"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "discovered_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE ("shot_id", "vuid")
);

CREATE TABLE "assignments" (
  "id" TEXT PRIMARY KEY,
  "shot_id" TEXT NOT NULL REFERENCES "shots"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "artist_id" TEXT NOT NULL REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "site_id" TEXT NOT NULL REFERENCES "sites"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "status" "AssignmentStatus" NOT NULL DEFAULT 'assigned',
  "due_date" DATE,
  "note" TEXT,
  "active" BOOLEAN NOT NULL DEFAULT true,
  "created_by_id" TEXT REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL
);
CREATE INDEX "assignments_artist_id_active_idx" ON "assignments" ("artist_id", "active");
CREATE UNIQUE INDEX "assignments_one_active_per_shot" ON "assignments" ("shot_id") WHERE "active";

CREATE TABLE "replication_samples" (
  "id" BIGSERIAL PRIMARY KEY,
  "at" TIMESTAMP(3) NOT NULL,
  "from_site_id" TEXT NOT NULL REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "to_site_id" TEXT NOT NULL REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "share_id" TEXT NOT NULL REFERENCES "shares"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "source" TEXT NOT NULL,
  "lag_seconds" DOUBLE PRECISION NOT NULL,
  "skew_flag" BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX "replication_samples_from_site_id_to_site_id_at_idx" ON "replication_samples" ("from_site_id", "to_site_id", "at");
CREATE INDEX "replication_samples_at_idx" ON "replication_samples" ("at");

CREATE TABLE "replication_rollups" (
  "minute" TIMESTAMP(3) NOT NULL,
  "from_site_id" TEXT NOT NULL REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "to_site_id" TEXT NOT NULL REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "share_id" TEXT NOT NULL REFERENCES "shares"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "avg_lag" DOUBLE PRECISION NOT NULL,
  "max_lag" DOUBLE PRECISION NOT NULL,
  "samples" INTEGER NOT NULL,
  PRIMARY KEY ("minute", "from_site_id", "to_site_id", "share_id")
);

CREATE TABLE "alerts" (
  "id" TEXT PRIMARY KEY,
  "kind" TEXT NOT NULL,
  "dedupe_key" TEXT NOT NULL,
  "site_id" TEXT REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "share_id" TEXT REFERENCES "shares"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "message" TEXT NOT NULL,
  "raised_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "resolved_at" TIMESTAMP(3)
);
CREATE INDEX "alerts_dedupe_key_resolved_at_idx" ON "alerts" ("dedupe_key", "resolved_at");

CREATE TABLE "notifications" (
  "id" TEXT PRIMARY KEY,
  "user_id" TEXT NOT NULL REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "kind" TEXT NOT NULL,
  "title" TEXT NOT NULL,
  "body" TEXT,
  "link" TEXT,
  "read_at" TIMESTAMP(3),
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "notifications_user_id_read_at_idx" ON "notifications" ("user_id", "read_at");

CREATE TABLE "webhook_subscriptions" (
  "id" TEXT PRIMARY KEY,
  "url" TEXT NOT NULL,
  "secret_enc" TEXT NOT NULL,
  "events" TEXT[] NOT NULL DEFAULT '{}',
  "active" BOOLEAN NOT NULL DEFAULT true,
  "user_id" TEXT REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "webhook_deliveries" (
  "id" TEXT PRIMARY KEY,
  "subscription_id" TEXT NOT NULL REFERENCES "webhook_subscriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "idempotency_key" TEXT NOT NULL UNIQUE,
  "payload" JSONB NOT NULL,
  "status" TEXT NOT NULL DEFAULT 'pending',
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "last_error" TEXT,
  "delivered_at" TIMESTAMP(3),
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "audit_log" (
  "id" BIGSERIAL PRIMARY KEY,
  "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "actor_id" TEXT,
  "actor_label" TEXT NOT NULL,
  "action" TEXT NOT NULL,
  "entity_type" TEXT NOT NULL,
  "entity_id" TEXT,
  "summary" TEXT NOT NULL,
  "data" JSONB
);
CREATE INDEX "audit_log_at_idx" ON "audit_log" ("at");
CREATE INDEX "audit_log_actor_id_at_idx" ON "audit_log" ("actor_id", "at");
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log" ("entity_type", "entity_id");

-- The audit trail is append-only for everyone, the app included: history cannot be rewritten.
CREATE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_refuse_change"();
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_refuse_change"();

CREATE TABLE "worker_heartbeats" (
  "worker_id" TEXT PRIMARY KEY,
  "hostname" TEXT NOT NULL,
  "pid" INTEGER NOT NULL,
  "started_at" TIMESTAMP(3) NOT NULL,
  "beat_at" TIMESTAMP(3) NOT NULL
);
