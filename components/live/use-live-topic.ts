'use client';

import { useEffect, useRef } from 'react';

export type LiveNotice = { topic: string; id?: string };

/**
 * Calls `onNotice` for every change on the given topics, through /api/events (server-sent events, with the
 * browser's own reconnect). While the stream is down, calls `onNotice({topic:'*'})` every `pollMs` instead,
 * so a page stays fresh even without a live connection.
 */
export function useLiveTopic(topics: string[], onNotice: (notice: LiveNotice) => void, pollMs = 15_000): void {
  const callback = useRef(onNotice);
  useEffect(() => {
    callback.current = onNotice;
  });
  const key = topics.join(',');
  useEffect(() => {
    const source = new EventSource(`/api/events?topics=${encodeURIComponent(key)}`);
    let connected = false;
    source.onopen = () => {
      connected = true;
    };
    source.onerror = () => {
      connected = false;
    };
    source.onmessage = (event) => {
      try {
        callback.current(JSON.parse(event.data) as LiveNotice);
      } catch {
        /* ignore a malformed notice */
      }
    };
    const poll = setInterval(() => {
      if (!connected) callback.current({ topic: '*' });
    }, pollMs);
    return () => {
      clearInterval(poll);
      source.close();
    };
  }, [key, pollMs]);
}
