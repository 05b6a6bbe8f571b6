/**
 * Vitest global setup: one PostgreSQL for the whole run (embedded unless DATABASE_URL is set) and one
 * migrated template database. Each test file clones the template (tests/helpers/db.ts), so files run in
 * parallel without seeing each other's rows.
 */
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startDatabase, withDatabaseName } from '../../scripts/lib/embedded-postgres';
import { prepareDatabase } from '../../lib/db/prepare';

export const TEMPLATE_DB = 'studio_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDb: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = path.resolve('.data', `test-pg-${process.pid}`);
  const server = await startDatabase({ dataDir, persistent: false });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  await prepareDatabase(withDatabaseName(server.url, TEMPLATE_DB));
  project.provide('pgAdminUrl', server.url);
  project.provide('templateDb', TEMPLATE_DB);
  return async () => {
    await server.stop();
  };
}
