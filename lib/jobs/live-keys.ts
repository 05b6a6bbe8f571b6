/**
 * Which job keys have a job that is waiting or running now. A per-minute fan-out uses it to restart
 * only chains that died: re-adding a key whose job is running would detach the key from it and start a
 * second, concurrent chain. A lock older than `staleAfterMs` counts as dead: a killed worker's locks
 * stay until the janitor frees them (WORKER_DEAD_AFTER_SECONDS, lib/services/workers/release-dead-worker-locks.ts).
 */
import type { Tx } from '@/lib/db/client';

export async function liveJobKeys(tx: Tx, keys: string[], staleAfterMs: number, now = new Date()): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const staleBefore = new Date(now.getTime() - staleAfterMs);
  const rows = await tx.$queryRaw<{ key: string }[]>`
    SELECT key FROM graphile_worker.jobs
    WHERE key = ANY(${keys}::text[])
      AND attempts < max_attempts
      AND (locked_at IS NULL OR locked_at > ${staleBefore})`;
  return new Set(rows.map((r) => r.key));
}
