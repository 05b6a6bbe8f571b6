'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** "2 h 5 min" since an instant, ticking each half-minute; rendered only in the browser (its clock). */
export function Uptime({ since }: { since: string }) {
  const onClient = useSyncExternalStore(subscribe, () => true, () => false);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  if (!onClient) return <span className="text-faint">…</span>;
  return (
    <time dateTime={since} title={new Date(since).toLocaleString()}>
      {formatDuration(now - new Date(since).getTime())}
    </time>
  );
}
