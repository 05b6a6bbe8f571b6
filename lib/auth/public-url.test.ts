import { describe, expect, it } from 'vitest';
import { publicUrl } from './public-url';

const internal = new URL('http://localhost:3000/api/auth/callback/oidc?code=abc&state=xyz');

describe('publicUrl: the address the browser used, not the listener', () => {
  it('takes host and scheme from the load balancer’s forwarded headers', () => {
    const url = publicUrl(internal, new Headers({ host: '10.0.0.5:3000', 'x-forwarded-host': 'studio.example.com', 'x-forwarded-proto': 'https' }));
    expect(url.href).toBe('https://studio.example.com/api/auth/callback/oidc?code=abc&state=xyz');
  });

  it('keeps 127.0.0.1 as 127.0.0.1 (a different origin from localhost to a browser)', () => {
    expect(publicUrl(internal, new Headers({ host: '127.0.0.1:3137' })).origin).toBe('http://127.0.0.1:3137');
  });

  it('ignores a forwarded scheme that is neither http nor https', () => {
    expect(publicUrl(internal, new Headers({ host: 'studio.example.com', 'x-forwarded-proto': 'javascript' }))).toBe(internal);
  });
});
