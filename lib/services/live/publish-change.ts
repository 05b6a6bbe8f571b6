/**
 * Tells open browsers that something changed, through PostgreSQL NOTIFY inside the caller's transaction:
 * the notice goes out only if the change commits. Payloads carry a topic and an id, never data; browsers
 * refetch through their own authorized reads.
 */
import type { Tx } from '@/lib/db/client';

export const LIVE_CHANNEL = 'studio_changes';
export const LIVE_TOPICS = ['workstations', 'sites', 'shots', 'objectives', 'replication', 'assignments', 'notifications', 'audit'] as const;
export type LiveTopic = (typeof LIVE_TOPICS)[number];
export type LiveChange = { topic: LiveTopic; id?: string };

export async function publishChange(tx: Tx, change: LiveChange): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(change)})`;
}
