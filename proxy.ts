/**
 * Runs before every page, server action and route handler:
 * 1. refuses cross-site state changes and oversized bodies (lib/auth/request-checks.ts), everywhere;
 * 2. gives every HTML page a Content-Security-Policy with a fresh nonce (lib/auth/csp.ts);
 * 3. sends a visitor without a session to the sign-in page. This last one is a convenience, not the
 *    security boundary: every page, action and route handler checks the actor's role on the server.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce, originOf } from '@/lib/auth/csp';
import { checkBodySize, checkOrigin } from '@/lib/auth/request-checks';
import { sessionUserId } from '@/lib/auth/session-user';
import { env } from '@/lib/env';

const PUBLIC_PAGES = ['/sign-in'];

export async function proxy(req: NextRequest): Promise<Response> {
  for (const verdict of [checkOrigin(req.method, req.headers), checkBodySize(req.method, req.headers)]) {
    if (!verdict.ok) return NextResponse.json({ error: { code: 'REFUSED', userMessage: verdict.message } }, { status: verdict.status });
  }
  const { pathname } = req.nextUrl;
  if (pathname.startsWith('/api/')) return NextResponse.next();

  const e = env();
  if (!PUBLIC_PAGES.includes(pathname)) {
    if (!(await sessionUserId(req.headers.get('cookie'), e))) {
      const url = new URL('/sign-in', req.nextUrl.origin);
      if (pathname !== '/') url.searchParams.set('callbackUrl', pathname + req.nextUrl.search);
      return NextResponse.redirect(url);
    }
  }
  const csp = contentSecurityPolicy({ nonce: newNonce(), dev: e.NODE_ENV === 'development', ssoOrigin: originOf(e.AUTH_OIDC_ISSUER) });
  // Next takes the nonce from the request's CSP header and stamps it on the scripts it renders.
  const headers = new Headers(req.headers);
  headers.set('content-security-policy', csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('content-security-policy', csp);
  return res;
}

export const config = {
  // Everything but build assets: API routes for the request checks, pages for CSP and the session.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|woff2?)$).*)'],
};
