/**
 * Gives a test file its own database, cloned from the migrated template, and points the app's env at it.
 * Call at the top level of a test file: `const t = setupTestDatabase();` then `t.db` inside tests.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { withDatabaseName } from '../../scripts/lib/embedded-postgres';
import { db, disconnectDb, type Db } from '../../lib/db/client';
import { resetEnvCache } from '../../lib/env';

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function setupTestDatabase() {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const handle = { url: '', get db(): Db { return db(); } };
  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDb')}`);
    handle.url = withDatabaseName(inject('pgAdminUrl'), name);
    process.env.DATABASE_URL = handle.url;
    process.env.STUDIO_SECRET_KEY ??= Buffer.alloc(32, 7).toString('base64');
    resetEnvCache();
  });
  afterAll(async () => {
    await disconnectDb();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  return handle;
}
