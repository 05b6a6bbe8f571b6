/**
 * The site × site lag matrix of one share (rows: from, columns: to), built from the latest sample of
 * each pair and each site's reachability. A pair with either Anvil unreachable says so explicitly
 * rather than showing its last number as if it were current.
 */
import { lagTone, type TLagTone } from './thresholds';

/** Older than this, a sample is shown as stale: the collector runs every 15 s. */
export const STALE_AFTER_MS = 60_000;

export type TMatrixSite = { id: string; name: string; region: string; unreachableSince: string | null; skewed: boolean };
export type TLatestLag = { fromSiteId: string; toSiteId: string; lagSeconds: number; at: string; source: string; skewFlag: boolean };

export type TMatrixCell =
  | { kind: 'self'; fromId: string; toId: string }
  | { kind: 'unreachable'; fromId: string; toId: string; since: string; last: TLatestLag | null }
  | { kind: 'no-data'; fromId: string; toId: string }
  | { kind: 'lag'; fromId: string; toId: string; last: TLatestLag; tone: TLagTone; stale: boolean };

export type TMatrixRow = { site: TMatrixSite; cells: TMatrixCell[] };

export function buildLagMatrix(sites: TMatrixSite[], latest: TLatestLag[], thresholdSeconds: number, nowMs: number): TMatrixRow[] {
  const byPair = new Map(latest.map((l) => [`${l.fromSiteId}>${l.toSiteId}`, l]));
  return sites.map((from) => ({
    site: from,
    cells: sites.map((to): TMatrixCell => {
      const ids = { fromId: from.id, toId: to.id };
      if (from.id === to.id) return { kind: 'self', ...ids };
      const last = byPair.get(`${from.id}>${to.id}`) ?? null;
      const down = [from, to].filter((s) => s.unreachableSince).sort((a, b) => String(a.unreachableSince).localeCompare(String(b.unreachableSince)));
      if (down[0]?.unreachableSince) return { kind: 'unreachable', ...ids, since: down[0].unreachableSince, last };
      if (!last) return { kind: 'no-data', ...ids };
      const stale = nowMs - Date.parse(last.at) > STALE_AFTER_MS;
      return { kind: 'lag', ...ids, last, tone: lagTone(last.lagSeconds, thresholdSeconds), stale };
    }),
  }));
}

/** The worst current lag among reachable, fresh pairs (what the Overview shows). */
export function worstLag(rows: TMatrixRow[]): { fromId: string; toId: string; lagSeconds: number; tone: TLagTone } | null {
  let worst: { fromId: string; toId: string; lagSeconds: number; tone: TLagTone } | null = null;
  for (const row of rows) {
    for (const c of row.cells) {
      if (c.kind !== 'lag' || c.stale) continue;
      if (!worst || c.last.lagSeconds > worst.lagSeconds) worst = { fromId: c.fromId, toId: c.toId, lagSeconds: c.last.lagSeconds, tone: c.tone };
    }
  }
  return worst;
}
