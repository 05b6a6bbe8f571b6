import { describe, expect, it } from 'vitest';
import { checkBodySize, checkOrigin, MAX_BODY_BYTES } from './request-checks';

const h = (init: Record<string, string>) => new Headers({ host: 'studio.example.com', ...init });

describe('checkOrigin: no cross-site state changes', () => {
  it('lets same-origin POSTs through, and every GET whatever its origin', () => {
    expect(checkOrigin('POST', h({ origin: 'https://studio.example.com' })).ok).toBe(true);
    expect(checkOrigin('GET', h({ origin: 'https://evil.example' })).ok).toBe(true);
  });

  it('refuses a POST, PUT, PATCH or DELETE from another origin, a look-alike host, or a "null" origin', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(checkOrigin(method, h({ origin: 'https://evil.example' }))).toMatchObject({ ok: false, status: 403 });
    }
    expect(checkOrigin('POST', h({ origin: 'https://studio.example.com.evil.example' })).ok).toBe(false);
    expect(checkOrigin('POST', h({ origin: 'null' })).ok).toBe(false);
  });

  it('compares with the forwarded host when a load balancer set one', () => {
    const behindLb = new Headers({ host: '10.0.3.4:3000', 'x-forwarded-host': 'studio.example.com', origin: 'https://studio.example.com' });
    expect(checkOrigin('POST', behindLb).ok).toBe(true);
  });

  it('falls back to Sec-Fetch-Site when Origin is missing, and lets non-browser clients (neither header) through', () => {
    expect(checkOrigin('POST', h({ 'sec-fetch-site': 'cross-site' })).ok).toBe(false);
    expect(checkOrigin('POST', h({ 'sec-fetch-site': 'same-site' })).ok).toBe(false);
    expect(checkOrigin('POST', h({ 'sec-fetch-site': 'same-origin' })).ok).toBe(true);
    expect(checkOrigin('POST', h({})).ok).toBe(true);
  });
});

describe('checkBodySize: bounded request bodies', () => {
  it('accepts a body up to the limit and refuses one byte more with 413', () => {
    expect(checkBodySize('POST', h({ 'content-length': String(MAX_BODY_BYTES) })).ok).toBe(true);
    expect(checkBodySize('POST', h({ 'content-length': String(MAX_BODY_BYTES + 1) }))).toMatchObject({ ok: false, status: 413 });
  });

  it('refuses a streamed body without a declared length (411), and a nonsense length', () => {
    expect(checkBodySize('POST', h({ 'transfer-encoding': 'chunked' }))).toMatchObject({ ok: false, status: 411 });
    expect(checkBodySize('POST', h({ 'content-length': 'lots' }))).toMatchObject({ ok: false, status: 411 });
  });

  it('ignores GET requests and bodiless POSTs', () => {
    expect(checkBodySize('GET', h({ 'content-length': String(10 * MAX_BODY_BYTES) })).ok).toBe(true);
    expect(checkBodySize('POST', h({})).ok).toBe(true);
  });
});
