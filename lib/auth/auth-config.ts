/**
 * The Auth.js configuration, built from validated env (lib/env) so tests can build it for any setting:
 * which providers exist (password sign-in can be off; SSO is on when AUTH_OIDC_* is set), the session
 * cookie's flags, and the single sign-on callbacks (role mapping, refusal of unmapped users).
 */
import type { NextAuthConfig } from 'next-auth';
// The same classes next-auth re-exports, imported from @auth/core (next-auth's own dependency) so this
// module loads without Next's runtime: tests drive Auth.js's HTTP handlers with this very configuration.
import { CredentialsSignin } from '@auth/core/errors';
import Credentials from '@auth/core/providers/credentials';
import { PrismaAdapter } from '@auth/prisma-adapter';
import type { TEnv } from '@/lib/env';
import { db } from '@/lib/db/client';
import { clientAddress } from '@/lib/services/auth/sign-in-limits';
import { verifyPasswordSignIn } from '@/lib/services/auth/verify-password-sign-in';
import { refuseUnmappedSignIn, rolesForClaims, syncOidcRoles } from '@/lib/services/auth/sync-oidc-roles';

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Carries why a password sign-in was refused, so the form can say so (locked differs from a typo). */
class SignInRefused extends CredentialsSignin {
  constructor(reason: string) {
    super(reason);
    this.code = reason;
  }
}

export function buildProviders(e: TEnv): NextAuthConfig['providers'] {
  const providers: NextAuthConfig['providers'] = [];
  if (e.AUTH_PASSWORD_SIGNIN) {
    providers.push(
      Credentials({
        credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
        authorize: async (credentials, request) => {
          const outcome = await verifyPasswordSignIn(credentials, { ip: clientAddress(request?.headers) });
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
      // An IdP account never takes over a password account that happens to share its email.
      allowDangerousEmailAccountLinking: false,
      profile: (p) => ({
        id: String(p.sub),
        email: typeof p.email === 'string' ? p.email.toLowerCase() : null,
        name: String(p.name ?? p.preferred_username ?? p.email ?? p.sub),
      }),
    });
  }
  return providers;
}

// Secure cookies (and their __Secure-/__Host- prefixes) in production whatever the proxy in front
// says; plain HTTP only for `next dev`. Also names the session cookie for lib/auth/session-user.ts.
export const sessionCookieSecure = (e: TEnv) => e.NODE_ENV === 'production';

export function buildAuthConfig(e: TEnv): NextAuthConfig {
  // httpOnly keeps the token from page script, SameSite=Lax from cross-site POSTs.
  const secure = sessionCookieSecure(e);
  return {
    secret: e.AUTH_SECRET,
    trustHost: true,
    useSecureCookies: secure,
    cookies: { sessionToken: { options: { httpOnly: true, sameSite: 'lax', path: '/', secure } } },
    adapter: PrismaAdapter(db()),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: buildProviders(e),
    callbacks: {
      // Runs before Auth.js creates or links the account; `user.id` is ours only when it already exists.
      async signIn({ user, account, profile }) {
        if (account?.provider !== 'oidc') return true;
        const claims = (profile ?? {}) as Record<string, unknown>;
        if (typeof claims.email !== 'string' || !claims.email) return '/sign-in?error=SsoNoEmail';
        if (rolesForClaims(claims).length > 0) return true;
        const existing = user.id ? await db().user.findUnique({ where: { id: user.id }, select: { id: true } }) : null;
        await refuseUnmappedSignIn(claims, existing?.id ?? null);
        return '/sign-in?error=SsoNoRole';
      },
      // On sign-in `user` is our database row (created or linked by now): store the mapped roles on it.
      async jwt({ token, user, account, profile, trigger }) {
        if (user?.id) token.uid = user.id;
        if (account?.provider === 'oidc' && user?.id && profile && (trigger === 'signIn' || trigger === 'signUp')) {
          await syncOidcRoles(user.id, profile as Record<string, unknown>);
        }
        return token;
      },
      session({ session, token }) {
        if (typeof token.uid === 'string') session.user.id = token.uid;
        return session;
      },
    },
  };
}
