import { afterEach, describe, expect, it, vi } from 'vitest';
import nextConfig from '../../next.config';

async function headersFor(source: string) {
  const rules = (await nextConfig.headers?.()) ?? [];
  return Object.fromEntries(rules.filter((r) => r.source === source).flatMap((r) => r.headers.map((h) => [h.key.toLowerCase(), h.value])));
}

describe('security headers (next.config.ts)', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('sends HSTS in production only: `next dev` on plain HTTP must not pin localhost to HTTPS', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect((await headersFor('/:path*'))['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    vi.stubEnv('NODE_ENV', 'development');
    expect((await headersFor('/:path*'))['strict-transport-security']).toBeUndefined();
  });

  it('forbids framing and MIME sniffing everywhere, and locks JSON/CSV/stream responses down completely', async () => {
    const all = await headersFor('/:path*');
    expect(all['x-frame-options']).toBe('DENY');
    expect(all['x-content-type-options']).toBe('nosniff');
    expect(all['referrer-policy']).toBe('same-origin');
    expect((await headersFor('/api/:path*'))['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('caps server action bodies at 1 MB, as proxy.ts does for route handlers', () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe('1mb');
    expect(nextConfig.poweredByHeader).toBe(false);
  });
});
