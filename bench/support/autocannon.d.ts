// autocannon 8 ships no types; the benchmarks use this much of it.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    headers?: Record<string, string>;
    timeout?: number;
  };
  export type Result = {
    requests: { total: number; average: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    duration: number;
  };
  export type Instance = EventEmitter & PromiseLike<Result>;
  export default function autocannon(opts: Options): Instance;
}
