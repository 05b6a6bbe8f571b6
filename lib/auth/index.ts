/**
 * Auth.js (next-auth v5) for the web app: email + password for local and demo users, and a generic OpenID
 * Connect provider for studio single sign-on when AUTH_OIDC_* is set. Sessions are JWTs carrying only the
 * user id; roles are read fresh from the database on every request (lib/services/auth/get-actor.ts).
 * Built lazily (a function config) so that importing this module needs no database or env at build time.
 */
import NextAuth, { type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { CredentialsSignin } from 'next-auth';
import { PrismaAdapter } from '@auth/prisma-adapter';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { verifyPasswordSignIn } from '@/lib/services/auth/verify-password-sign-in';
import { syncOidcRoles } from '@/lib/services/auth/sync-oidc-roles';

/** Carries why a password sign-in was refused, so the form can say so (locked differs from a typo). */
class SignInRefused extends CredentialsSignin {
  constructor(reason: string) {
    super(reason);
    this.code = reason;
  }
}

function config(): NextAuthConfig {
  const e = env();
  const providers: NextAuthConfig['providers'] = [];
  if (e.AUTH_PASSWORD_SIGNIN) {
    providers.push(
      Credentials({
        credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
        authorize: async (credentials) => {
          const outcome = await verifyPasswordSignIn(credentials);
          if (outcome.ok) return outcome.user;
          throw new SignInRefused(outcome.reason);
        },
      }),
    );
  }
  if (e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_CLIENT_ID) {
    providers.push({
      id: 'oidc',
      name: e.AUTH_OIDC_NAME,
      type: 'oidc',
      issuer: e.AUTH_OIDC_ISSUER,
      clientId: e.AUTH_OIDC_CLIENT_ID,
      clientSecret: e.AUTH_OIDC_CLIENT_SECRET,
      allowDangerousEmailAccountLinking: false,
    });
  }
  return {
    secret: e.AUTH_SECRET,
    trustHost: true,
    adapter: PrismaAdapter(db()),
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers,
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider === 'oidc' && user.id && profile) await syncOidcRoles(user.id, profile);
        return true;
      },
      jwt({ token, user }) {
        if (user?.id) token.uid = user.id;
        return token;
      },
      session({ session, token }) {
        if (typeof token.uid === 'string') session.user.id = token.uid;
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
