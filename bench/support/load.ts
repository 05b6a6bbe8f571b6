/**
 * One load measurement with autocannon: N connections for a few seconds against one URL. Percentiles are
 * computed from every response's own latency (autocannon's summary has no p95), and any non-2xx answer
 * counts as an error, so a page that redirects to sign-in cannot pass as fast.
 */
import autocannon from 'autocannon';
import { pct } from './stats';

export type LoadFigures = { p50Ms: number; p95Ms: number; p99Ms: number; requests: number; rps: number; non2xx: number; errors: number };

const round = (n: number) => Math.round(n * 10) / 10;

export async function measure(url: string, opts: { connections: number; seconds: number; cookie?: string }): Promise<LoadFigures> {
  const latencies: number[] = [];
  const instance = autocannon({ url, connections: opts.connections, duration: opts.seconds, timeout: 60, headers: opts.cookie ? { cookie: opts.cookie } : {} });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    p50Ms: round(pct(latencies, 50)), p95Ms: round(pct(latencies, 95)), p99Ms: round(pct(latencies, 99)),
    requests: latencies.length, rps: round(latencies.length / result.duration), non2xx: result.non2xx, errors: result.errors + result.timeouts,
  };
}

/** A few sequential requests first, so compilation of lazily loaded chunks is not measured. */
export async function warm(url: string, cookie: string | undefined, times = 5): Promise<void> {
  for (let i = 0; i < times; i++) await (await fetch(url, { headers: cookie ? { cookie } : {} })).arrayBuffer();
}
