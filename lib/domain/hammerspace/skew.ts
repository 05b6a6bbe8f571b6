/**
 * Clock skew between the control plane and an Anvil, from one request: the Anvil's `currentTimeMs` is
 * compared with the midpoint of the round trip; half the round trip is the uncertainty. Canary lags are
 * timed on the collector's own clock and do not depend on it, but every time an Anvil reports (latency
 * timestamps, receive latencies, events) does, so a skewed site is flagged rather than trusted.
 */

/** Beyond this, a site's clock is called out of sync (Hammerspace warns about NTP at about 1 s). */
export const SKEW_TOLERANCE_MS = 2_000;

export type TClockReading = { sentAtMs: number; receivedAtMs: number; remoteMs: number };

export function clockOffset(r: TClockReading): { offsetMs: number; uncertaintyMs: number } {
  const rtt = Math.max(0, r.receivedAtMs - r.sentAtMs);
  const midpoint = r.sentAtMs + rtt / 2;
  return { offsetMs: Math.round(r.remoteMs - midpoint), uncertaintyMs: Math.ceil(rtt / 2) };
}

/** Skewed only when the offset exceeds the tolerance even at the most favourable end of the uncertainty. */
export function isSkewed(offset: { offsetMs: number; uncertaintyMs: number }, toleranceMs = SKEW_TOLERANCE_MS): boolean {
  return Math.abs(offset.offsetMs) - offset.uncertaintyMs > toleranceMs;
}

export function describeSkew(offsetMs: number): string {
  const s = Math.abs(offsetMs) / 1000;
  return `${s.toFixed(1)} s ${offsetMs > 0 ? 'ahead of' : 'behind'} the control plane`;
}
