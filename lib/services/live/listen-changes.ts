/**
 * One LISTEN connection per web process, shared by every open event stream. Reconnects with backoff when
 * the database restarts; while it is down, browsers fall back to polling.
 */
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import { LIVE_CHANNEL, type LiveChange } from './publish-change';

const holder = globalThis as unknown as { __studioLive?: { emitter: EventEmitter; client?: pg.Client; connecting?: Promise<void> } };

function state() {
  holder.__studioLive ??= { emitter: new EventEmitter().setMaxListeners(10_000) };
  return holder.__studioLive;
}

async function connect(attempt = 0): Promise<void> {
  const s = state();
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  try {
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    s.client = client;
    client.on('notification', (msg) => {
      try {
        s.emitter.emit('change', JSON.parse(msg.payload ?? '{}') as LiveChange);
      } catch {
        /* a malformed notice is dropped; browsers also poll */
      }
    });
    client.on('error', (err) => {
      logger.warn({ err }, 'live updates: connection lost');
      s.client = undefined;
      s.connecting = undefined;
      void client.end().catch(() => undefined);
      setTimeout(() => void ensureListening(), 1000).unref();
    });
  } catch (err) {
    await client.end().catch(() => undefined);
    const delay = Math.min(30_000, 500 * 2 ** attempt);
    logger.warn({ err, delay }, 'live updates: cannot listen yet');
    await new Promise((r) => setTimeout(r, delay).unref());
    return connect(attempt + 1);
  }
}

export function ensureListening(): Promise<void> {
  const s = state();
  if (s.client) return Promise.resolve();
  s.connecting ??= connect();
  return s.connecting;
}

export function onChange(listener: (change: LiveChange) => void): () => void {
  const s = state();
  void ensureListening();
  s.emitter.on('change', listener);
  return () => s.emitter.off('change', listener);
}
