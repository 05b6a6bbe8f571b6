-- An objective deleted in the app stays until the objectives reconciler has unset it and removed its
-- definition from every Anvil; deleted_at marks that intent (the row is deleted once nothing is left).
ALTER TABLE "objectives" ADD COLUMN "deleted_at" TIMESTAMP(3);
