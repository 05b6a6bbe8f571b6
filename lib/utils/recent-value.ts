/**
 * A value computed at most once per `ttlMs` per process, shared by every caller in that window, including
 * callers that arrive while the computation is still running (one computation, not fifty, when fifty
 * requests land together). For figures that are costly at studio scale and that nobody needs to the
 * second: the Overview's counts, month-to-date costs. A failed computation is not remembered.
 */
export type RecentValue<T> = { get(compute: () => Promise<T>, now?: number): Promise<T>; clear(): void };

export function recentValue<T>(ttlMs: number): RecentValue<T> {
  let settled: { at: number; value: T } | null = null;
  let inFlight: Promise<T> | null = null;
  return {
    get(compute, now = Date.now()) {
      if (settled && now - settled.at < ttlMs) return Promise.resolve(settled.value);
      if (inFlight) return inFlight;
      const started = now;
      inFlight = compute().then(
        (value) => {
          settled = { at: started, value };
          inFlight = null;
          return value;
        },
        (err: unknown) => {
          inFlight = null;
          throw err;
        },
      );
      return inFlight;
    },
    clear() {
      settled = null;
      inFlight = null;
    },
  };
}

/** The same, per key (e.g. a shot folder), with a bound on how many keys are kept. */
export function recentValues<T>(ttlMs: number, maxKeys = 5_000) {
  const byKey = new Map<string, RecentValue<T>>();
  return {
    get(key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
      let entry = byKey.get(key);
      if (!entry) {
        if (byKey.size >= maxKeys) byKey.clear();
        entry = recentValue<T>(ttlMs);
        byKey.set(key, entry);
      }
      return entry.get(compute, now);
    },
  };
}
