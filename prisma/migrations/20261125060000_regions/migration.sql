-- Regions (issue 8): the bring-up and drain checklists carry their own parameters and a try count.
--
-- `params` holds what a step needs to run again after a crash or a retry, without the job that first
-- queued it: who asked for the workflow (so the worker's transitions are audited on their behalf), how
-- many workstations the bring-up launches, whether the drain terminates instead of stopping. The job
-- payload carries only the site id, so a resumed or retried workflow reads its inputs from here.
-- `attempts` counts the runs of a step, shown beside it so an admin sees a step that keeps retrying.
ALTER TABLE "site_steps" ADD COLUMN "params" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "site_steps" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
