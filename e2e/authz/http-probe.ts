/**
 * Plain HTTP against the running studio, as a browser would send it but without one: a session per
 * role through Auth.js's own credentials endpoint, then each entry point requested with that cookie.
 * Server actions are called the way Next's client calls them: a POST to a page that hosts the action,
 * with its id (from the build's server-reference manifest) in the Next-Action header.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { demoUser } from '../support/fixtures';

export type Verdict = { outcome: 'allowed' | 'denied' | 'broken'; detail: string };

/** Signs in over HTTP (CSRF token, then the credentials callback) and returns the session cookie. */
export async function sessionCookie(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; '), origin: base },
    body: new URLSearchParams({ csrfToken, email, password: demoUser(email).password, callbackUrl: `${base}/` }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => /authjs\.session-token=/.test(c));
  if (!session) throw new Error(`could not sign in ${email} over HTTP (status ${res.status})`);
  return session;
}

/** The proxy's (or a page guard's) "sign in first". Auth.js's own refusals (?error=MissingCSRF) are answers, not denials. */
function goesToSignIn(res: Response): boolean {
  const location = res.headers.get('location') ?? '';
  return res.status >= 300 && res.status < 400 && /\/sign-in(\?|$)/.test(location) && !/[?&]error=/.test(location);
}

/** GET a page or route (or send a bodyless POST) and classify the answer. */
export async function probe(base: string, method: string, url: string, cookie: string | null): Promise<Verdict> {
  const res = await fetch(`${base}${url}`, {
    method,
    redirect: 'manual',
    headers: { ...(cookie ? { cookie } : {}), ...(method === 'GET' ? {} : { origin: base, 'content-type': 'application/json' }) },
    body: method === 'GET' ? undefined : '{}',
  });
  await res.body?.cancel(); // event streams never end; the status is all we need
  const detail = `${method} ${url} → ${res.status}${res.headers.get('location') ? ` ${res.headers.get('location')}` : ''}`;
  if (res.status >= 500) return { outcome: 'broken', detail };
  if (res.status === 401 || res.status === 403 || goesToSignIn(res)) return { outcome: 'denied', detail };
  return { outcome: 'allowed', detail };
}

type ActionManifest = { node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }> };

/** Server actions in the build: key (file#export) → its id and the page paths that host it. */
export function builtActions(root = process.cwd()): Map<string, { id: string; hosts: string[] }> {
  const manifest = JSON.parse(readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8')) as ActionManifest;
  const out = new Map<string, { id: string; hosts: string[] }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const key = `${entry.filename ?? '?'}#${entry.exportedName ?? '?'}`;
    out.set(key, { id, hosts: Object.keys(entry.workers) });
  }
  return out;
}

/** Calls a server action with a deliberately invalid argument: a guard answers before any work happens. */
export async function callAction(base: string, pagePath: string, actionId: string, cookie: string | null, origin = base): Promise<Verdict> {
  const res = await fetch(`${base}${pagePath}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...(cookie ? { cookie } : {}), 'next-action': actionId, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', origin },
    body: JSON.stringify(['authz-probe']),
  });
  const text = await res.text();
  const code = text.match(/"code":"([A-Z_]+)"/)?.[1];
  const detail = `action ${actionId.slice(0, 10)}… via POST ${pagePath} → ${res.status}${code ? ` ${code}` : ''}`;
  if (goesToSignIn(res) || res.status === 401 || res.status === 403 || code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') return { outcome: 'denied', detail };
  if (res.status >= 400 || !code) return { outcome: 'broken', detail: `${detail} ${text.slice(0, 200)}` };
  return { outcome: 'allowed', detail };
}
