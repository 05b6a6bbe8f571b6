'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

export type ActionOutcome<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: string; userMessage: string; fieldErrors?: Record<string, string[]> } };
export type ServerAction<I, T> = (input: I) => Promise<ActionOutcome<T>>;

/**
 * Runs a server action with its pending state and the user-facing error, and refreshes the page on
 * success (the live stream would too, a moment later; this makes a click feel immediate).
 */
export function useServerAction<I, T>(run: ServerAction<I, T>) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const execute = (input: I, onDone?: (data: T) => void) => {
    setError(null);
    setFieldErrors({});
    startTransition(async () => {
      const result = await run(input);
      if (result.ok) {
        onDone?.(result.data);
        router.refresh();
      } else {
        setError(result.error.userMessage);
        setFieldErrors(result.error.fieldErrors ?? {});
      }
    });
  };
  const reset = () => {
    setError(null);
    setFieldErrors({});
  };
  return { execute, pending, error, fieldErrors, reset };
}
