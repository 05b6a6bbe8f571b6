import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, originOf } from './csp';

const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

describe('the Content-Security-Policy of HTML pages', () => {
  it('runs only scripts carrying this response’s nonce (no unsafe-inline, no unsafe-eval in production)', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc123', dev: false });
    expect(directive(csp, 'script-src')).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(directive(csp, 'script-src')).not.toContain("'unsafe-inline'");
  });

  it('forbids framing, plugins and base-tag hijacking', () => {
    const csp = contentSecurityPolicy({ nonce: 'n', dev: false });
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'base-uri')).toBe("base-uri 'self'");
  });

  it('lets forms post only to us and to the configured identity provider', () => {
    expect(directive(contentSecurityPolicy({ nonce: 'n', dev: false }), 'form-action')).toBe("form-action 'self'");
    const sso = contentSecurityPolicy({ nonce: 'n', dev: false, ssoOrigin: originOf('https://login.studio.example/realms/vfx') });
    expect(directive(sso, 'form-action')).toBe("form-action 'self' https://login.studio.example");
  });

  it('allows eval only for `next dev` fast refresh', () => {
    expect(directive(contentSecurityPolicy({ nonce: 'n', dev: true }), 'script-src')).toContain("'unsafe-eval'");
  });

  it('makes a fresh, unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, 'base64')).toHaveLength(16);
    expect(originOf('not a url')).toBeUndefined();
  });
});
