/**
 * Following an asynchronous Anvil task to its end. A 202 names the task in `Location` (an absolute
 * URL, possibly on another node's address after a failover, so only its last segment is trusted and
 * the task is read back through this site's session) or, on some releases, only in a TaskView body.
 * Polls back off from `initialDelayMs` by `factor` up to `maxDelayMs`; a session that expires while
 * polling is renewed by the session itself. FAILED, CANCELLED, VALIDATION_FAILED and HALTED are
 * failures carrying the task's own message; HALTED too, since nothing here resumes it.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { TASK_FAILURES, type TTaskOutcome } from '@/lib/domain/hammerspace/types';
import { parseJson, segments, type AnvilSession } from './session';
import type { TransportResponse } from './transport';

export type TaskFollowOptions = { timeoutMs: number; initialDelayMs: number; maxDelayMs: number; factor: number };
export const DEFAULT_TASK_FOLLOW: TaskFollowOptions = { timeoutMs: 10 * 60_000, initialDelayMs: 250, maxDelayMs: 5_000, factor: 1.5 };

export const ZTaskView = z.object({
  uuid: z.string().optional(),
  name: z.string().nullish(),
  status: z.string(),
  statusMessage: z.string().nullish(),
  progress: z.number().nullish(),
  ctxMap: z.record(z.string(), z.string()).nullish(),
});
export type TTaskView = z.infer<typeof ZTaskView>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Progress as 0..1: releases before 5.x sent 0..100. */
export const normalizeProgress = (p: number | null | undefined) => (p === null || p === undefined ? null : p > 1 ? p / 100 : p);

export function taskIdFrom(res: TransportResponse): string | null {
  const location = res.headers.location;
  if (typeof location === 'string' && location) {
    const last = location.split('?')[0]?.replace(/\/+$/, '').split('/').pop();
    if (last) return decodeURIComponent(last);
  }
  try {
    const body = JSON.parse(res.text) as { uuid?: unknown; uoid?: { uuid?: unknown } };
    const id = body.uuid ?? body.uoid?.uuid;
    return typeof id === 'string' && id ? id : null;
  } catch {
    return null;
  }
}

const entityUuid = (t: TTaskView) => /uuid=([0-9a-fA-F-]+)/.exec(t.ctxMap?.['entity-uoid'] ?? '')?.[1] ?? null;

/** Waits for the task behind a 202 (or returns at once for a synchronous 200). */
export async function followTask(session: AnvilSession, res: TransportResponse, what: string, opts: TaskFollowOptions = DEFAULT_TASK_FOLLOW): Promise<TTaskOutcome> {
  if (res.status !== 202) return { uuid: null, name: null, status: 'COMPLETED', entityUuid: null };
  const id = taskIdFrom(res);
  // Hammerspace's CSI driver logs "No task returned to monitor" and carries on: the change was accepted.
  if (!id) return { uuid: null, name: null, status: 'ACCEPTED', entityUuid: null };
  const deadline = Date.now() + opts.timeoutMs;
  let delay = opts.initialDelayMs;
  let last: TTaskView | null = null;
  for (;;) {
    const polled = await session.request('GET', segments`/tasks/${id}`);
    last = parseJson(session.label, `GET /tasks/${id}`, ZTaskView, polled.text);
    const status = last.status.toUpperCase();
    if (status === 'COMPLETED') return { uuid: id, name: last.name ?? null, status: 'COMPLETED', entityUuid: entityUuid(last) };
    if ((TASK_FAILURES as readonly string[]).includes(status)) {
      const message = last.statusMessage && last.statusMessage !== status ? last.statusMessage : 'no message';
      throw new AppError('UPSTREAM', `${session.label}: ${what} ended ${status}: ${message}`, { vendorCode: `TASK_${status}` });
    }
    if (Date.now() + delay > deadline) {
      const progress = normalizeProgress(last.progress);
      throw new AppError('TIMEOUT', `${session.label}: ${what} did not finish within ${Math.round(opts.timeoutMs / 1000)} s (task ${id} is ${status}${progress === null ? '' : `, ${Math.round(progress * 100)} %`})`, { vendorCode: 'TASK_TIMEOUT' });
    }
    await sleep(delay);
    delay = Math.min(opts.maxDelayMs, Math.round(delay * opts.factor));
  }
}
