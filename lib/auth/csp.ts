/**
 * The Content-Security-Policy of every HTML page, with a fresh nonce per request (proxy.ts). Next reads
 * the nonce from this header on the request and puts it on its own inline and bundle scripts, so
 * `'strict-dynamic'` + nonce lets exactly those run: an injected <script> (or an inline event handler)
 * has no nonce and is refused. Styles allow 'unsafe-inline' because React style attributes and Next's
 * font and route-announcer styles need it; CSS cannot run script.
 */
export type CspOptions = {
  nonce: string;
  /** `next dev` evaluates modules with eval() for fast refresh. */
  dev: boolean;
  /** The OIDC issuer: the SSO form's POST is answered with a redirect there, which form-action governs. */
  ssoOrigin?: string;
};

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy({ nonce, dev, ssoOrigin }: CspOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(dev ? ['ws:'] : [])],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'", ...(ssoOrigin ? [ssoOrigin] : [])],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** The origin of a URL, or undefined when it is not one (a bad AUTH_OIDC_ISSUER must not break every page). */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
