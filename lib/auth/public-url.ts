/**
 * The URL a request was made to, as the browser saw it. Behind `next start` (and any load balancer) a
 * route handler's `req.url` names the internal listener (http://localhost:3000), while Auth.js's
 * server-side helpers already read X-Forwarded-Host/Proto (trustHost). Its route handlers must agree
 * with them, or the OAuth redirect_uri sent at the callback differs from the one sent at sign-in and
 * the IdP refuses the code. AUTH_URL, when set, wins (next-auth applies it itself).
 */
export function publicUrl(url: URL, headers: Headers): URL {
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  if (!host) return url;
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || url.protocol.replace(/:$/, '');
  if (proto !== 'http' && proto !== 'https') return url;
  return new URL(`${url.pathname}${url.search}`, `${proto}://${host}`);
}
