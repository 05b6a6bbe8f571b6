/**
 * One Anvil client (and so one session and one keep-alive agent) per site per process. A changed URL,
 * account or trust setting builds a new client; the old one's sockets are closed.
 */
import { createHash } from 'node:crypto';
import type { AnvilPort } from '@/lib/domain/hammerspace/port';
import { AnvilClient } from './client';
import { AnvilSession } from './session';
import { DEFAULT_TASK_FOLLOW, type TaskFollowOptions } from './tasks';
import { Transport } from './transport';

export { isAnvilDown, isNotFound } from './errors';
export type { TaskFollowOptions } from './tasks';

export type AnvilConnection = {
  siteId: string;
  siteName: string;
  url: string;
  username: string;
  password: string;
  trustSelfSigned: boolean;
  /** The exporter; by default `/metrics` at the Anvil URL's origin (a real cluster serves it on :9103). */
  metricsUrl?: string;
  timeoutMs?: number;
  task?: Partial<TaskFollowOptions>;
};

export function defaultMetricsUrl(anvilUrl: string): string | null {
  try {
    return `${new URL(anvilUrl).origin}/metrics`;
  } catch {
    return null;
  }
}

/** A client of its own (tests use this to watch one session). */
export function createAnvilClient(c: AnvilConnection): AnvilClient {
  const transport = new Transport({ trustSelfSigned: c.trustSelfSigned });
  const session = new AnvilSession(
    { label: `${c.siteName}'s Anvil`, baseUrl: c.url, username: c.username, password: c.password, trustSelfSigned: c.trustSelfSigned, timeoutMs: c.timeoutMs },
    transport,
  );
  return new AnvilClient(session, {
    metricsUrl: c.metricsUrl ?? defaultMetricsUrl(c.url),
    task: { ...DEFAULT_TASK_FOLLOW, ...c.task },
    validateTimeoutMs: Math.min(c.timeoutMs ?? 5_000, 5_000),
  });
}

const cache = new Map<string, { fingerprint: string; client: AnvilClient }>();

export function anvilClient(c: AnvilConnection): AnvilPort {
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([c.url, c.username, c.password, c.trustSelfSigned, c.metricsUrl ?? null, c.timeoutMs ?? null, c.task ?? null]))
    .digest('hex');
  const hit = cache.get(c.siteId);
  if (hit?.fingerprint === fingerprint) return hit.client;
  hit?.client.session.transport.close();
  const client = createAnvilClient(c);
  cache.set(c.siteId, { fingerprint, client });
  return client;
}

export function closeAnvilClients(): void {
  for (const { client } of cache.values()) client.session.transport.close();
  cache.clear();
}
