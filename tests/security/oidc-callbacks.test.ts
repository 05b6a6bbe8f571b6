import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NextAuthConfig } from 'next-auth';
import { buildAuthConfig } from '@/lib/auth/auth-config';
import { env, resetEnvCache } from '@/lib/env';
import { setupTestDatabase } from '../helpers/db';

const t = setupTestDatabase();
type Callbacks = Required<NonNullable<NextAuthConfig['callbacks']>>;
let callbacks: Callbacks;
const account = { provider: 'oidc', type: 'oidc', providerAccountId: 'sub-1' } as const;

beforeAll(() => {
  process.env.AUTH_OIDC_ROLE_MAP = 'vfx-it=admin,artists=artist';
  process.env.AUTH_OIDC_GROUPS_CLAIM = 'groups';
  resetEnvCache();
  callbacks = buildAuthConfig({ ...env(), AUTH_OIDC_ISSUER: 'https://idp.example.com', AUTH_OIDC_CLIENT_ID: 'studio' }).callbacks as Callbacks;
});
afterAll(() => {
  delete process.env.AUTH_OIDC_ROLE_MAP;
  delete process.env.AUTH_OIDC_GROUPS_CLAIM;
  resetEnvCache();
});

// What Auth.js passes at the callback: for a first sign-in `user.id` is a random id, not one of ours.
const signIn = (userId: string, profile: Record<string, unknown>) =>
  callbacks.signIn({ user: { id: userId }, account: account as never, profile } as Parameters<Callbacks['signIn']>[0]);

describe('single sign-on callbacks', () => {
  it('lets a mapped user in, then stores the mapped roles on the account Auth.js created', async () => {
    const profile = { sub: 'sub-1', email: 'lead@sso.example', groups: ['vfx-it'] };
    expect(await signIn(crypto.randomUUID(), profile)).toBe(true);
    const user = await t.db.user.create({ data: { email: 'lead@sso.example', name: 'Lead', roles: [] } });
    await callbacks.jwt({ token: {}, user: { id: user.id }, account: account as never, profile, trigger: 'signUp' } as Parameters<Callbacks['jwt']>[0]);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).roles).toEqual(['admin']);
    const audit = await t.db.auditLog.findFirst({ where: { entityId: user.id, action: 'user.sign-in' } });
    expect(audit?.summary).toContain('roles admin');
  });

  it('refuses a user with no mapped group: no account, an audit row, and an explanation code', async () => {
    const profile = { sub: 'sub-2', email: 'intern@sso.example', groups: ['marketing'] };
    expect(await signIn(crypto.randomUUID(), profile)).toBe('/sign-in?error=SsoNoRole');
    expect(await t.db.user.count({ where: { email: 'intern@sso.example' } })).toBe(0);
    const audit = await t.db.auditLog.findFirst({ where: { actorLabel: 'intern@sso.example' } });
    expect(audit).toMatchObject({ action: 'user.sign-in-refused', actorId: null, data: { groups: ['marketing'] } });
  });

  it('takes every role from an existing account whose groups were removed at the IdP, so open sessions lose access', async () => {
    const user = await t.db.user.create({ data: { email: 'leaver@sso.example', name: 'Leaver', roles: ['artist'] } });
    expect(await signIn(user.id, { sub: 'sub-3', email: 'leaver@sso.example', groups: [] })).toBe('/sign-in?error=SsoNoRole');
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).roles).toEqual([]);
  });

  it('refuses an IdP that shares no email, which we need to name the account', async () => {
    expect(await signIn(crypto.randomUUID(), { sub: 'sub-4', groups: ['artists'] })).toBe('/sign-in?error=SsoNoEmail');
  });

  it('leaves password sign-ins to the credentials checks', async () => {
    expect(await callbacks.signIn({ user: { id: 'x' }, account: { provider: 'credentials', type: 'credentials', providerAccountId: 'x' } } as never)).toBe(true);
  });
});
