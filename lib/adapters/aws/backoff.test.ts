import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { backoffDelay, withBackoff } from './backoff';
import { isRetryable, toAwsAppError } from './errors';

const sdkError = (name: string, status: number, message = 'm') => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe('AWS errors', () => {
  it('maps SDK errors to AppErrors that keep the AWS code', () => {
    expect(toAwsAppError(sdkError('RequestLimitExceeded', 503), 'x')).toMatchObject({ code: 'RATE_LIMITED', vendorCode: 'RequestLimitExceeded' });
    expect(toAwsAppError(sdkError('InsufficientInstanceCapacity', 500, 'no g6e'), 'x')).toMatchObject({ code: 'UNAVAILABLE', userMessage: 'no g6e' });
    expect(toAwsAppError(sdkError('VcpuLimitExceeded', 400), 'x').code).toBe('CONFLICT');
    expect(toAwsAppError(sdkError('InvalidInstanceID.NotFound', 400), 'x').code).toBe('NOT_FOUND');
    expect(toAwsAppError(sdkError('UnauthorizedOperation', 403), 'x').code).toBe('UPSTREAM');
    expect(toAwsAppError(sdkError('InternalError', 500), 'x').code).toBe('UNAVAILABLE');
    expect(toAwsAppError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), 'x').code).toBe('UNAVAILABLE');
  });

  it('retries throttling and server faults, not a lack of capacity or a refusal', () => {
    const retry = (name: string, status: number) => isRetryable(toAwsAppError(sdkError(name, status), 'x'));
    expect([retry('RequestLimitExceeded', 503), retry('InternalError', 500)]).toEqual([true, true]);
    expect([retry('InsufficientInstanceCapacity', 500), retry('IncorrectInstanceState', 400)]).toEqual([false, false]);
  });
});

describe('withBackoff', () => {
  it('grows the ceiling exponentially up to the cap, with full jitter', () => {
    expect([0, 1, 2, 3, 10].map((a) => backoffDelay(a, 100, 1000, () => 0.999))).toEqual([99, 199, 399, 799, 999]);
    expect(backoffDelay(5, 100, 1000, () => 0)).toBe(0);
  });

  it('retries a throttled call until it succeeds', async () => {
    let calls = 0;
    const retried: number[] = [];
    const out = await withBackoff('t', async () => {
      if (++calls < 3) throw sdkError('RequestLimitExceeded', 503);
      return 'ok';
    }, { baseMs: 1, onRetry: (_e, n) => retried.push(n) });
    expect(out).toBe('ok');
    expect(retried).toEqual([1, 2]);
  });

  it('gives up after its attempts, and at once on an error retrying cannot fix', async () => {
    let calls = 0;
    await expect(withBackoff('t', async () => { calls++; throw sdkError('RequestLimitExceeded', 503); }, { attempts: 3, baseMs: 1 })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(calls).toBe(3);
    calls = 0;
    await expect(withBackoff('t', async () => { calls++; throw new AppError('CONFLICT', 'no'); }, { baseMs: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(calls).toBe(1);
  });
});
