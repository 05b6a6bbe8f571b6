/**
 * The signed-in user's id from the session cookie: the JWT decrypted and checked (signature, expiry) once,
 * with the cookie name and salt Auth.js uses. Auth.js's `auth()` does the same decode inside its whole
 * session endpoint (a Request, the callbacks, a re-encrypted token whose cookie nobody can set from a
 * page, and a JSON round trip), and it ran twice per page (proxy and page): a measurable share of each
 * request's CPU (bench/pages.ts). Only the cookie is read, as `auth()` does: never an Authorization header.
 */
import { getToken } from '@auth/core/jwt';
import type { TEnv } from '@/lib/env';
import { sessionCookieSecure } from './auth-config';

export async function sessionUserId(cookieHeader: string | null, e: TEnv): Promise<string | null> {
  if (!cookieHeader || !e.AUTH_SECRET) return null;
  const token = await getToken({ req: { headers: { cookie: cookieHeader } }, secret: e.AUTH_SECRET, secureCookie: sessionCookieSecure(e), logger: SILENT });
  return typeof token?.uid === 'string' ? token.uid : null;
}

// A missing, expired or forged cookie is simply no session, as with `auth()`; nothing to log.
const SILENT = { error: () => undefined, warn: () => undefined, debug: () => undefined };
