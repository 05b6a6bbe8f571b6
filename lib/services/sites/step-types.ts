/**
 * What a checklist step is to the runner: a function of the site and the step's row that either
 * finishes (optionally writing more in the same transaction that marks it done, so "done" and its
 * effect commit together) or asks to be run again later while it waits for the world to catch up.
 */
import type { Tx } from '@/lib/db/client';
import type { TLifecycleSite } from '@/lib/db/site-lifecycle';
import type { TStepRecord } from '@/lib/db/site-steps';
import type { Actor } from '@/lib/domain/auth/actor';

export type TStepContext = { site: TLifecycleSite; step: TStepRecord; actor: Actor; now: Date };

export type TStepResult =
  | { status: 'done'; detail: string; commit?: (tx: Tx) => Promise<void> }
  | { status: 'wait'; detail: string; retryInMs: number };

export type TStepHandler = (ctx: TStepContext) => Promise<TStepResult>;

export const done = (detail: string, commit?: (tx: Tx) => Promise<void>): TStepResult => ({ status: 'done', detail, commit });
export const wait = (detail: string, retryInMs = 3_000): TStepResult => ({ status: 'wait', detail, retryInMs });

/** A step's parameter, read leniently (rows written by an older version may lack it). */
export function param<T>(step: TStepRecord, key: string, fallback: T): T {
  const p = step.params as Record<string, unknown> | null;
  const v = p?.[key];
  return v === undefined || v === null ? fallback : (v as T);
}
