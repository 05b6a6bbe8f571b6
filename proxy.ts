/**
 * Guards the console: a request without a session goes to the sign-in page. This is a convenience, not
 * the security boundary: every page, action and route handler checks the actor's role on the server.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { auth } from '@/lib/auth';

export async function proxy(req: NextRequest): Promise<Response> {
  const session = await auth();
  if (session?.user) return NextResponse.next();
  const url = new URL('/sign-in', req.nextUrl.origin);
  if (req.nextUrl.pathname !== '/') url.searchParams.set('callbackUrl', req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/((?!api/|_next/|sign-in|favicon.ico|.*\\.(?:svg|png|ico|woff2?)$).*)'],
};
