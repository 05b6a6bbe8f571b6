'use client';

import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { useLiveTopic } from './use-live-topic';

/** Re-renders the server page when its topics change (debounced, so a burst of changes costs one refresh). */
export function LiveRefresh({ topics, debounceMs = 300 }: { topics: string[]; debounceMs?: number }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLiveTopic(topics, () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      router.refresh();
    }, debounceMs);
  });
  return null;
}
