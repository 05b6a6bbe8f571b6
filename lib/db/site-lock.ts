/**
 * One runner per site at a time, across every worker process: a PostgreSQL session advisory lock on a
 * connection of its own. A worker killed mid-step loses its connection and with it the lock, so the
 * restarted worker resumes at once; a lease in a column would have to expire first.
 */
import pg from 'pg';
import { env } from '@/lib/env';

const LOCK_SPACE = 'studio:site-workflow';

export type SiteLock = { release(): Promise<void> };

/** The lock, or null when another runner holds it right now. */
export async function tryLockSite(siteId: string): Promise<SiteLock | null> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  // A connection that dies later is the lock's release; the error must not crash the worker.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked', [LOCK_SPACE, siteId]);
    if (!rows[0]?.locked) {
      await client.end();
      return null;
    }
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err;
  }
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      // Ending the session releases the lock even if the unlock itself fails.
      await client.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [LOCK_SPACE, siteId]).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}
