/**
 * Exponential backoff with full jitter (AWS's recommended variant: sleep a random time between 0 and
 * min(cap, base·2^attempt)), on top of the SDK's own retries. The SDK stops retrying once its retry quota
 * is spent, which happens quickly when half of all calls are throttled; this loop keeps a page of a
 * paginated Describe (or one launch) going instead of failing the whole pass.
 */
import { AppError } from '@/lib/errors';
import { isRetryable, toAwsAppError } from './errors';

export type BackoffOptions = { attempts?: number; baseMs?: number; capMs?: number; random?: () => number; onRetry?: (err: AppError, attempt: number) => void };

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

export async function withBackoff<T>(what: string, fn: () => Promise<T>, opts: BackoffOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 8;
  const random = opts.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (raw) {
      const err = toAwsAppError(raw, what);
      if (!isRetryable(err) || attempt + 1 >= attempts) throw err;
      opts.onRetry?.(err, attempt + 1);
      await sleep(backoffDelay(attempt, opts.baseMs ?? 200, opts.capMs ?? 5_000, random));
    }
  }
}
