/**
 * Cost arithmetic from prices and state history. EC2 bills on-demand Linux instances per second while
 * they are `running`; pending, stopping and stopped time is free (EBS storage is not counted here).
 */
export type StatePoint = { at: Date; state: string | null };

export const BILLED_STATES = new Set(['running']);

export function monthStartUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** Live $/hour of the given workstations; types without a price are listed, never silently free. */
export function hourlyCost(
  workstations: Array<{ instanceType: string; observedState: string | null }>,
  prices: ReadonlyMap<string, number>,
): { usdPerHour: number; billed: number; unpricedTypes: string[] } {
  let usdPerHour = 0;
  let billed = 0;
  const unpriced = new Set<string>();
  for (const w of workstations) {
    if (!BILLED_STATES.has(w.observedState ?? '')) continue;
    billed++;
    const price = prices.get(w.instanceType);
    if (price === undefined) unpriced.add(w.instanceType);
    else usdPerHour += price;
  }
  return { usdPerHour: roundCents(usdPerHour, 4), billed, unpricedTypes: [...unpriced].sort() };
}

/**
 * Milliseconds spent in a billed state within [from, to). `initial` is the state at `from` (the last
 * change before the window); `changes` are the state changes inside it, in any order.
 */
export function billedMs(initial: string | null, changes: StatePoint[], from: Date, to: Date): number {
  const sorted = changes.filter((c) => c.at >= from && c.at < to).sort((a, b) => a.at.getTime() - b.at.getTime());
  let state = initial;
  let since = from.getTime();
  let total = 0;
  for (const c of sorted) {
    if (BILLED_STATES.has(state ?? '')) total += c.at.getTime() - since;
    state = c.state;
    since = c.at.getTime();
  }
  if (BILLED_STATES.has(state ?? '')) total += Math.max(0, to.getTime() - since);
  return total;
}

/** Month-to-date cost of one workstation from its state history. */
export function monthToDateUsd(w: { instanceType: string; initial: string | null; changes: StatePoint[] }, prices: ReadonlyMap<string, number>, now: Date): number {
  const price = prices.get(w.instanceType);
  if (price === undefined) return 0;
  return (billedMs(w.initial, w.changes, monthStartUtc(now), now) / 3_600_000) * price;
}

export function roundCents(usd: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(usd * f) / f;
}

// One formatter per precision: toLocaleString with options builds a new Intl.NumberFormat on every
// call, which was a visible share of the Workstations page's render (bench/pages.ts).
const formatters = new Map<number, Intl.NumberFormat>();

export function formatUsd(usd: number, digits = 2): string {
  let f = formatters.get(digits);
  if (!f) formatters.set(digits, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return `$${f.format(usd)}`;
}
