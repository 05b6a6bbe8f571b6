'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/** A time shown in the viewer's own zone (the browser's), with the UTC instant on hover. */
export function LocalTime({ iso, mode = 'datetime' }: { iso: string | null | undefined; mode?: 'datetime' | 'relative' }) {
  const onClient = useSyncExternalStore(subscribe, () => true, () => false);
  if (!iso) return <span className="text-faint">—</span>;
  const date = new Date(iso);
  let text = iso.replace('T', ' ').slice(0, 16) + ' UTC';
  if (onClient) {
    text = mode === 'relative' ? relative(date) : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }
  return (
    <time dateTime={iso} title={date.toISOString()} suppressHydrationWarning>
      {text}
    </time>
  );
}

function relative(date: Date): string {
  const s = Math.round((Date.now() - date.getTime()) / 1000);
  if (Math.abs(s) < 60) return `${s}s ago`;
  if (Math.abs(s) < 3600) return `${Math.round(s / 60)} min ago`;
  if (Math.abs(s) < 86400) return `${Math.round(s / 3600)} h ago`;
  return date.toLocaleDateString();
}
