/**
 * One Anvil session (and so one login and one keep-alive agent) per site per process. Clients are cheap
 * views over it: callers may ask for different timeouts without tearing down each other's connections.
 * A changed URL, account or trust setting builds a new session; the old one's sockets are closed.
 */
import { createHash } from 'node:crypto';
import type { AnvilPort } from '@/lib/domain/hammerspace/port';
import { AnvilClient } from './client';
import { AnvilSession } from './session';
import { DEFAULT_TASK_FOLLOW, type TaskFollowOptions } from './tasks';
import { Transport } from './transport';

export { isAnvilDown, isNotFound } from './errors';
export type { AnvilClient } from './client';
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
  /** Per request; 10 s when not given. */
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

function newSession(c: AnvilConnection): AnvilSession {
  return new AnvilSession(
    { label: `${c.siteName}'s Anvil`, baseUrl: c.url, username: c.username, password: c.password, trustSelfSigned: c.trustSelfSigned },
    new Transport({ trustSelfSigned: c.trustSelfSigned }),
  );
}

function clientOver(session: AnvilSession, c: AnvilConnection): AnvilClient {
  return new AnvilClient(session, {
    metricsUrl: c.metricsUrl ?? defaultMetricsUrl(c.url),
    task: { ...DEFAULT_TASK_FOLLOW, ...c.task },
    validateTimeoutMs: Math.min(c.timeoutMs ?? 5_000, 5_000),
    timeoutMs: c.timeoutMs,
  });
}

/** A client with a session of its own (tests use this to watch one session). */
export function createAnvilClient(c: AnvilConnection): AnvilClient {
  return clientOver(newSession(c), c);
}

const sessions = new Map<string, { fingerprint: string; session: AnvilSession }>();

export function anvilClient(c: AnvilConnection): AnvilPort {
  const fingerprint = createHash('sha256').update(JSON.stringify([c.url, c.username, c.password, c.trustSelfSigned, c.siteName])).digest('hex');
  let hit = sessions.get(c.siteId);
  if (hit?.fingerprint !== fingerprint) {
    hit?.session.transport.close();
    hit = { fingerprint, session: newSession(c) };
    sessions.set(c.siteId, hit);
  }
  return clientOver(hit.session, c);
}

export function closeAnvilClients(): void {
  for (const { session } of sessions.values()) session.transport.close();
  sessions.clear();
}
