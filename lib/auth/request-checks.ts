/**
 * Checks proxy.ts makes on every request before any page, action or route handler runs. Pure (headers
 * in, verdict out) so they are unit-tested without a server.
 *
 * - Cross-site requests that change state are refused: a cookie-carrying POST from another site is how
 *   CSRF works. Browsers send Origin on every cross-origin POST (and Sec-Fetch-Site on every request);
 *   a request with neither is not from a browser page and cannot ride on a victim's cookie.
 * - Bodies are bounded: a declared Content-Length above the limit is refused before it is read, and a
 *   streamed body with no declared length is refused outright, so nothing reads an unbounded body.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type RequestVerdict = { ok: true } | { ok: false; status: 403 | 411 | 413; message: string };

function expectedHost(headers: Headers): string | null {
  return headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
}

export function checkOrigin(method: string, headers: Headers): RequestVerdict {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true };
  const refused = { ok: false, status: 403, message: 'Cross-site request refused: the Origin header must match this host.' } as const;
  const origin = headers.get('origin');
  if (origin) {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return refused; // "null" (sandboxed frames, privacy redirects) or garbage
    }
    return host === expectedHost(headers) ? { ok: true } : refused;
  }
  const site = headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return refused;
  return { ok: true };
}

export function checkBodySize(method: string, headers: Headers, limit = MAX_BODY_BYTES): RequestVerdict {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true };
  const declared = headers.get('content-length');
  if (declared === null) {
    if (headers.get('transfer-encoding')) return { ok: false, status: 411, message: 'A request body must declare its Content-Length.' };
    return { ok: true };
  }
  const bytes = Number(declared);
  if (!Number.isFinite(bytes) || bytes < 0) return { ok: false, status: 411, message: 'Content-Length is not a number.' };
  if (bytes > limit) return { ok: false, status: 413, message: `Request body too large: the limit is ${Math.round(limit / 1024)} KiB.` };
  return { ok: true };
}
