/**
 * Web hardening, against the production build: security headers and a CSP that really blocks injected
 * script (while the app itself still runs), session cookie flags, refusal of cross-site state changes
 * (route handlers and server actions), and request body limits.
 */
import { expect, test } from '@playwright/test';
import { routePath } from './authz/entry-points';
import { builtActions, callAction, sessionCookie } from './authz/http-probe';
import { signIn } from './support/fixtures';

const MB = 1024 * 1024;

/** An admin-only server action and a page that hosts it, from the build's manifest. */
function lagThresholdAction(): { id: string; host: string } {
  const [, action] = [...builtActions()].find(([key]) => key.endsWith('#updateLagThresholdAction'))!;
  return { id: action.id, host: routePath(`${action.hosts[0]!}.tsx`) };
}

test('HTML pages carry a per-request nonce CSP, and every script Next renders carries that nonce', async ({ request }) => {
  const first = await request.get('/sign-in');
  const second = await request.get('/sign-in');
  const csp = first.headers()['content-security-policy']!;
  const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeTruthy();
  expect(second.headers()['content-security-policy']).not.toContain(nonce!);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(2);
  expect(scripts.filter((s) => !s.includes(`nonce="${nonce}"`))).toEqual([]);
  const headers = first.headers();
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains'); // a production build
  expect((await request.get('/api/health')).headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
});

test('the console runs under the CSP without a single violation, and injected markup cannot run script', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => void (m.text().includes('Content Security Policy') && violations.push(m.text())));
  await signIn(page, 'admin@studio.example'); // a hydrated client component (the form) signs in
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByRole('heading', { name: 'Audit' })).toBeVisible();
  expect(violations).toEqual([]);
  // What an HTML injection (a dangerouslySetInnerHTML gone wrong) could plant: event handlers and a
  // framed inline script. Both need 'unsafe-inline', which the policy does not grant.
  const pwned = await page.evaluate(async () => {
    const box = document.createElement('div');
    document.body.appendChild(box);
    box.insertAdjacentHTML('beforeend', '<img src="/csp-probe.png" onerror="window.__pwned = 1">');
    box.insertAdjacentHTML('beforeend', '<iframe srcdoc="<script>parent.__pwned = 2</script>"></iframe>');
    await new Promise((r) => setTimeout(r, 800));
    return (window as unknown as { __pwned?: number }).__pwned ?? null;
  });
  expect(pwned).toBeNull();
  expect(violations.length).toBeGreaterThanOrEqual(2);
});

test('the session cookie is Secure, HttpOnly and SameSite=Lax', async ({ page, context }) => {
  await signIn(page, 'producer@studio.example');
  const session = (await context.cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  expect(session).toMatchObject({ name: '__Secure-authjs.session-token', httpOnly: true, secure: true, sameSite: 'Lax' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('session-token');
});

test.describe('cross-site requests and oversized bodies are refused', () => {
  let cookie = '';
  let base = '';
  test.beforeAll(async ({ baseURL }) => {
    base = baseURL!;
    cookie = await sessionCookie(base, 'admin@studio.example');
  });

  const post = (path: string, body: string, origin: string) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { cookie, origin, 'content-type': 'application/json' }, body });

  test('a route handler refuses a POST from another origin, and serves the same POST from ours', async () => {
    const evil = await post('/api/notifications/read', '{"all":true}', 'https://evil.example');
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as { error: { code: string } }).error.code).toBe('REFUSED');
    expect((await post('/api/notifications/read', '{"all":true}', base)).status).toBe(200);
  });

  test('a server action refuses a call from another origin, and answers the same call from ours', async () => {
    const { id, host } = lagThresholdAction();
    expect((await callAction(base, host, id, cookie, 'https://evil.example')).outcome).toBe('denied');
    expect((await callAction(base, host, id, cookie)).outcome).toBe('allowed');
  });

  test('a body over 1 MiB gets 413 from route handlers and server actions alike; one under it is read', async () => {
    const big = 'x'.repeat(2 * MB);
    expect((await post('/api/notifications/read', big, base)).status).toBe(413);
    const { id, host } = lagThresholdAction();
    const res = await fetch(`${base}${host}`, { method: 'POST', headers: { cookie, origin: base, 'next-action': id, 'content-type': 'text/plain;charset=UTF-8' }, body: JSON.stringify([big]) });
    expect(res.status).toBe(413);
    expect((await post('/api/notifications/read', JSON.stringify({ all: true, pad: 'x'.repeat(MB - 100) }), base)).status).not.toBe(413);
  });
});
