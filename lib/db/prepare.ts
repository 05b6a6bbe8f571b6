/**
 * Brings a database to the current schema: our SQL migrations, then graphile-worker's own schema, so
 * that the web app can enqueue jobs (inside its transactions) before any worker process has started.
 */
import path from 'node:path';
import { runMigrations } from 'graphile-worker';
import { migrate, type MigrationResult } from './migrate';

export async function prepareDatabase(connectionString: string, migrationsDir = path.resolve('prisma/migrations')): Promise<MigrationResult> {
  const result = await migrate(connectionString, migrationsDir);
  await runMigrations({ connectionString, logger: undefined });
  return result;
}
