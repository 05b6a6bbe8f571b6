import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Actor } from '@/lib/domain/auth/actor';
import { createGuards } from './guard-core';

const artist: Actor = { kind: 'user', userId: 'u-artist', email: 'ana@x', name: 'Ana', roles: ['artist'] };
const admin: Actor = { kind: 'user', userId: 'u-admin', email: 'alex@x', name: 'Alex', roles: ['admin'] };

describe('server action guard', () => {
  it('refuses an artist calling an admin action with FORBIDDEN, without running it', async () => {
    const work = vi.fn(async () => 'launched');
    const launch = createGuards(async () => artist).action(['admin'], z.object({ count: z.number() }), work);
    const result = await launch({ count: 1 });
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', userMessage: 'This needs the admin role.' } });
    expect(work).not.toHaveBeenCalled();
  });

  it('refuses a caller with no session with UNAUTHENTICATED', async () => {
    const result = await createGuards(async () => null).action(['admin'], z.object({}), async () => 1)({});
    expect(result.ok === false && result.error.code).toBe('UNAUTHENTICATED');
  });

  it('returns field errors for bad input and loses nothing', async () => {
    const result = await createGuards(async () => admin).action(['admin'], z.object({ count: z.number().int().min(1, 'At least one') }), async () => 1)({ count: 0 });
    expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', userMessage: 'Some fields need attention.', fieldErrors: { count: ['At least one'] } } });
  });

  it('runs the work for an admin', async () => {
    const result = await createGuards(async () => admin).action(['admin'], z.object({ count: z.number() }), async (_a, input) => input.count * 2)({ count: 2 });
    expect(result).toEqual({ ok: true, data: 4 });
  });
});

describe('route guard', () => {
  it('answers 403 JSON to an artist on an admin route', async () => {
    const handler = createGuards(async () => artist).route(['admin'], async () => ({ secret: 'no' }));
    const res = await handler(new Request('http://x/api/admin'), { params: Promise.resolve({}) });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'FORBIDDEN', userMessage: 'This needs the admin role.' } });
  });
});
