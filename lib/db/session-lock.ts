/**
 * A PostgreSQL session advisory lock held on a connection of its own, for work exactly one process
 * of the fleet should do at a time (the publish watcher: every worker process could watch the same
 * mount, but one reading each change is enough). The lock lives as long as the connection: a
 * crashed holder's lock is freed by the server, and another process takes over on its next try.
 */
import pg from 'pg';
import { env } from '@/lib/env';

export interface THeldLock {
  /** Settles when the connection (and so the lock) is lost. */
  lost: Promise<Error>;
  release(): Promise<void>;
}

/** Takes the lock named `name` if it is free; null when another session holds it. */
export async function tryHoldLock(name: string): Promise<THeldLock | null> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL, application_name: `lock:${name}`.slice(0, 63) });
  let onLost: (err: Error) => void = () => undefined;
  const lost = new Promise<Error>((resolve) => (onLost = resolve));
  client.on('error', (err) => onLost(err));
  client.on('end', () => onLost(new Error(`the connection holding lock ${name} ended`)));
  await client.connect();
  try {
    const { rows } = await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS held', [name]);
    if (!rows[0]?.held) {
      await client.end();
      return null;
    }
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err;
  }
  let released = false;
  return {
    lost,
    async release() {
      if (released) return;
      released = true;
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}
