/** What e2e/support/global-setup.ts wrote about the running studio: database, simulators, SSO client. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { SimEndpoints } from '../../scripts/lib/studio';

export type StudioInfo = {
  databaseUrl: string;
  sim: SimEndpoints;
  dataDir: string;
  sso: { AUTH_OIDC_ISSUER: string; AUTH_OIDC_CLIENT_ID: string; AUTH_OIDC_CLIENT_SECRET: string; AUTH_OIDC_ROLE_MAP: string };
};

export function studioInfo(): StudioInfo {
  return JSON.parse(readFileSync(path.resolve('.data/e2e-studio.json'), 'utf8')) as StudioInfo;
}

/** One query against the studio's database, for checks the UI does not show (audit rows, sealed columns). */
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: studioInfo().databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
