import bcrypt from 'bcryptjs';
import { Auth } from '@auth/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAuthConfig } from '@/lib/auth/auth-config';
import { sessionUserId } from '@/lib/auth/session-user';
import { env, resetEnvCache, type TEnv } from '@/lib/env';
import { verifyPasswordSignIn } from '@/lib/services/auth/verify-password-sign-in';
import { setupTestDatabase } from '../helpers/db';

const t = setupTestDatabase();
const BASE = 'http://127.0.0.1:3000/api/auth';
const SSO = { AUTH_OIDC_ISSUER: 'https://idp.example.com', AUTH_OIDC_CLIENT_ID: 'studio', AUTH_OIDC_CLIENT_SECRET: 'shh' };

function settings(overrides: Partial<TEnv>): TEnv {
  return { ...env(), AUTH_SECRET: 'a-test-secret-of-32-characters!!', ...overrides };
}

/** Auth.js's own HTTP handlers, built from our configuration, answering a request as the web app would. */
async function call(e: TEnv, path: string, init?: RequestInit & { cookies?: string[] }) {
  const headers = new Headers(init?.headers);
  if (init?.cookies) headers.set('cookie', init.cookies.join('; '));
  // Auth.js logs the refused provider as an error; the assertions below are what matter.
  const quiet = { error: () => undefined, warn: () => undefined };
  return Auth(new Request(`${BASE}${path}`, { ...init, headers }), { ...buildAuthConfig(e), basePath: '/api/auth', logger: quiet });
}

/** A full credentials sign-in over Auth.js's HTTP API: CSRF token first, then the callback. */
async function postCredentials(e: TEnv, email: string, password: string) {
  const csrf = await call(e, '/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const body = new URLSearchParams({ csrfToken, email, password, callbackUrl: '/' });
  return call(e, '/callback/credentials', { method: 'POST', body, cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}

describe('password sign-in can be turned off (AUTH_PASSWORD_SIGNIN=false)', () => {
  beforeAll(async () => {
    await t.db.user.create({ data: { email: 'pat@studio.example', name: 'Pat', roles: ['producer'], passwordHash: bcrypt.hashSync('pat-password', 4) } });
  });

  it('with it on, the right password over Auth.js HTTP gets a session cookie (the control case)', async () => {
    const res = await postCredentials(settings({ AUTH_PASSWORD_SIGNIN: true }), 'pat@studio.example', 'pat-password');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('authjs.session-token='))).toBe(true);
  });

  it('with it off, Auth.js offers no password provider and the same request gets no session', async () => {
    const off = settings({ AUTH_PASSWORD_SIGNIN: false, ...SSO });
    const providers = (await (await call(off, '/providers')).json()) as Record<string, unknown>;
    expect(Object.keys(providers)).toEqual(['oidc']);
    const res = await postCredentials(off, 'pat@studio.example', 'pat-password');
    expect(res.headers.getSetCookie().some((c) => c.includes('session-token='))).toBe(false);
    expect(res.headers.get('location') ?? '').toMatch(/error=/);
  });

  it('with it off, the sign-in service refuses even the right password and counts nothing', async () => {
    process.env.AUTH_PASSWORD_SIGNIN = 'false';
    resetEnvCache();
    try {
      const outcome = await verifyPasswordSignIn({ email: 'pat@studio.example', password: 'pat-password' });
      expect(outcome).toEqual({ ok: false, reason: 'password-sign-in-off' });
      expect(await t.db.signInAttempt.count({ where: { email: 'pat@studio.example' } })).toBe(1); // the control case's
    } finally {
      delete process.env.AUTH_PASSWORD_SIGNIN;
      resetEnvCache();
    }
  });
});

describe('session cookie flags', () => {
  it('are secure, httpOnly and SameSite=Lax in production, with the __Secure- prefix', async () => {
    const cfg = buildAuthConfig(settings({ NODE_ENV: 'production' }));
    expect(cfg.useSecureCookies).toBe(true);
    expect(cfg.cookies?.sessionToken?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true });
    const res = await postCredentials(settings({ NODE_ENV: 'production', AUTH_PASSWORD_SIGNIN: true }), 'pat@studio.example', 'pat-password');
    const session = res.headers.getSetCookie().find((c) => c.startsWith('__Secure-authjs.session-token='));
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; SameSite=Lax/i);
  });

  it('are not marked Secure in development, where `next dev` serves plain HTTP', () => {
    const cfg = buildAuthConfig(settings({ NODE_ENV: 'development' }));
    expect(cfg.useSecureCookies).toBe(false);
    expect(cfg.cookies?.sessionToken?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false });
  });
});

describe('the session reader (proxy and page guards)', () => {
  it('reads the user id from the cookie Auth.js set, and nothing from a forged, foreign or missing one', async () => {
    const pat = await t.db.user.findUniqueOrThrow({ where: { email: 'pat@studio.example' } });
    for (const NODE_ENV of ['production', 'development'] as const) {
      const e = settings({ NODE_ENV, AUTH_PASSWORD_SIGNIN: true });
      const res = await postCredentials(e, 'pat@studio.example', 'pat-password');
      const cookie = res.headers.getSetCookie().find((c) => c.includes('authjs.session-token='))!.split(';')[0]!;
      expect(await sessionUserId(`theme=dark; ${cookie}`, e)).toBe(pat.id);
      // The same session as Auth.js's own session endpoint sees.
      const session = (await (await call(e, '/session', { cookies: [cookie] })).json()) as { user?: { id?: string } };
      expect(session.user?.id).toBe(pat.id);
      const [name, value] = cookie.split('=') as [string, string];
      expect(await sessionUserId(`${name}=${value.slice(0, -4)}AAAA`, e)).toBeNull();
      expect(await sessionUserId(cookie, { ...e, AUTH_SECRET: 'another-secret-of-32-characters!!' })).toBeNull();
      expect(await sessionUserId(cookie, { ...e, NODE_ENV: NODE_ENV === 'production' ? 'development' : 'production' })).toBeNull();
      expect(await sessionUserId(null, e)).toBeNull();
    }
  });
});
