/**
 * Auth.js (next-auth v5) for the web app: email + password for local and demo users, and a generic OpenID
 * Connect provider for studio single sign-on when AUTH_OIDC_* is set (auth-config.ts). Sessions are JWTs
 * carrying only the user id; roles are read fresh from the database on every request
 * (lib/services/auth/get-actor.ts). Built lazily (a function config) so that importing this module needs
 * no database or env at build time.
 */
import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { buildAuthConfig } from './auth-config';
import { publicUrl } from './public-url';

const nextAuth = NextAuth(() => buildAuthConfig(env()));
export const { signIn, signOut } = nextAuth;

/**
 * The /api/auth/* handlers, seeing the public URL of the request (public-url.ts says why). A plain
 * Request, because NextRequest rewrites 127.0.0.1 to localhost, which is another origin to the browser.
 */
function atPublicUrl(handler: (req: NextRequest) => Promise<Response>) {
  return (req: NextRequest) => {
    if (process.env.AUTH_URL) return handler(req);
    const init: RequestInit & { duplex: 'half' } = { method: req.method, headers: req.headers, body: req.body, signal: req.signal, duplex: 'half' };
    return handler(new Request(publicUrl(req.nextUrl, req.headers), init) as NextRequest);
  };
}
export const handlers = { GET: atPublicUrl(nextAuth.handlers.GET), POST: atPublicUrl(nextAuth.handlers.POST) };
