'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/** An axis time in the viewer's zone: "14:05" for short ranges, "Tue 14:05" for a week. */
export function ClockLabel({ ms, withDay = false }: { ms: number; withDay?: boolean }) {
  const onClient = useSyncExternalStore(subscribe, () => true, () => false);
  const d = new Date(ms);
  const text = onClient
    ? d.toLocaleString(undefined, withDay ? { weekday: 'short', hour: '2-digit', minute: '2-digit' } : { hour: '2-digit', minute: '2-digit' })
    : d.toISOString().slice(11, 16);
  return <time dateTime={d.toISOString()} suppressHydrationWarning>{text}</time>;
}
