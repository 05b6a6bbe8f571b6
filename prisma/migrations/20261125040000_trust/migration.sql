-- Trust (issue 10): sign-in attempts, counted in PostgreSQL so that every web instance behind the load
-- balancer sees the same numbers.
--
-- One row per password sign-in attempt. A row is written as 'checking' BEFORE the password is compared
-- and counted as a failure until it is settled, so a burst of parallel guesses cannot all slip in before
-- the first failure is recorded. lib/services/auth/sign-in-limits.ts reads it two ways: failures per
-- client address (spraying many accounts from one place) and failures per email since its last success
-- (guessing one account, known or unknown, so the answer never reveals which emails exist).
-- Rows older than a day are pruned by the same service; they are not an audit trail (audit_log is).
CREATE TABLE "sign_in_attempts" (
  "id" BIGSERIAL PRIMARY KEY,
  "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "email" TEXT NOT NULL,
  "ip" TEXT NOT NULL,
  "outcome" TEXT NOT NULL DEFAULT 'checking'
);
CREATE INDEX "sign_in_attempts_email_at_idx" ON "sign_in_attempts" ("email", "at");
CREATE INDEX "sign_in_attempts_ip_at_idx" ON "sign_in_attempts" ("ip", "at");
CREATE INDEX "sign_in_attempts_at_idx" ON "sign_in_attempts" ("at");
