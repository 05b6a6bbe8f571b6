import { describe, expect, it } from 'vitest';
import { recentValue, recentValues } from './recent-value';

describe('recentValue', () => {
  it('computes once for callers that arrive together, then serves the value until it is older than the TTL', async () => {
    const r = recentValue<number>(1000);
    let calls = 0;
    const compute = async () => {
      calls++;
      await new Promise((res) => setTimeout(res, 10));
      return calls;
    };
    const together = await Promise.all(Array.from({ length: 50 }, () => r.get(compute, 0)));
    expect(new Set(together)).toEqual(new Set([1]));
    expect(await r.get(compute, 999)).toBe(1);
    expect(await r.get(compute, 1000)).toBe(2);
    expect(calls).toBe(2);
  });

  it('does not remember a failure', async () => {
    const r = recentValue<number>(1000);
    await expect(r.get(() => Promise.reject(new Error('db down')), 0)).rejects.toThrow('db down');
    expect(await r.get(async () => 7, 1)).toBe(7);
  });

  it('keeps one value per key', async () => {
    const r = recentValues<string>(1000);
    expect(await r.get('a', async () => 'A', 0)).toBe('A');
    expect(await r.get('b', async () => 'B', 0)).toBe('B');
    expect(await r.get('a', async () => 'other', 1)).toBe('A');
  });
});
