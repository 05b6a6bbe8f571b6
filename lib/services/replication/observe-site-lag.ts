/**
 * What one site's collector pass reads from the Anvils (no database writes): the site's clock and
 * reachability, its share participants' send latency, its Prometheus send_behind gauges, and a canary
 * attribute it writes on each share and times until each peer shows it. Peers' clocks are read on
 * the way, so a sample involving a skewed site is flagged. Not a use case of its own.
 */
import { isAnvilDown } from '@/lib/adapters/hammerspace';
import type { TAnvilSiteRow } from '@/lib/db/anvil-sites';
import { canaryReading, participantLagBySite, sendBehindBySite, type TLagReading } from '@/lib/domain/hammerspace/lag';
import { matchAnvilSites } from '@/lib/domain/hammerspace/peers';
import type { AnvilPort } from '@/lib/domain/hammerspace/port';
import { clockOffset, isSkewed } from '@/lib/domain/hammerspace/skew';
import type { TMetricSample } from '@/lib/domain/hammerspace/types';
import { anvilForSite, errorText } from '@/lib/services/hammerspace/anvil-for-site';

export type TShareToWatch = { id: string; name: string; lagAlertSeconds: number; peers: TAnvilSiteRow[] };
export type TClock = { offsetMs: number; uncertaintyMs: number; skewed: boolean };
export type TPairObservation = { shareId: string; toSiteId: string; readings: TLagReading[]; peerClock: TClock | null };
export type TSiteObservation =
  | { reachable: false; at: Date; error: string }
  | { reachable: true; at: Date; clock: TClock; pairs: TPairObservation[]; problems: string[] };

export type TCanaryOptions = { timeoutMs: number; pollMs: number };
export const DEFAULT_CANARY: TCanaryOptions = { timeoutMs: 10_000, pollMs: 200 };

export const canaryName = (region: string) => `studio_canary_${region.replace(/[^A-Za-z0-9]/g, '_')}`;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function readClock(port: AnvilPort): Promise<TClock> {
  const sentAtMs = Date.now();
  const state = await port.clusterState();
  const offset = clockOffset({ sentAtMs, receivedAtMs: Date.now(), remoteMs: state.currentTimeMs ?? Date.now() });
  return { ...offset, skewed: state.currentTimeMs !== null && isSkewed(offset) };
}

/** Waits for the canary written at `writtenAtMs` to show at a peer; the reading, or null when the peer is down. */
async function watchPeer(peer: TAnvilSiteRow, share: string, name: string, writtenAtMs: number, o: TCanaryOptions) {
  const port = anvilForSite(peer, { timeoutMs: Math.min(5_000, o.timeoutMs) });
  let clock: TClock;
  try {
    clock = await readClock(port);
  } catch {
    return { clock: null, reading: null };
  }
  const deadline = writtenAtMs + o.timeoutMs;
  let visible: number | null = null;
  for (;;) {
    try {
      const value = Number((await port.getAttributes(share, '/')).find((a) => a.name === name)?.value);
      if (Number.isFinite(value)) visible = value;
      if (visible !== null && visible >= writtenAtMs) return { clock, reading: canaryReading({ writtenAtMs, seenAtMs: Date.now(), visibleValueMs: visible, nowMs: Date.now() }) };
    } catch (err) {
      if (isAnvilDown(err)) return { clock, reading: null };
    }
    if (Date.now() + o.pollMs > deadline) break;
    await sleep(o.pollMs);
  }
  return { clock, reading: canaryReading({ writtenAtMs, seenAtMs: null, visibleValueMs: visible, nowMs: Date.now() }) };
}

export async function observeSiteLag(site: TAnvilSiteRow, shares: TShareToWatch[], canary: TCanaryOptions = DEFAULT_CANARY): Promise<TSiteObservation> {
  const port = anvilForSite(site, { timeoutMs: 5_000 });
  const at = new Date();
  let clock: TClock;
  try {
    clock = await readClock(port);
  } catch (err) {
    return { reachable: false, at, error: errorText(err) };
  }
  const problems: string[] = [];
  const attempt = async <T>(what: () => Promise<T>, fallback: T): Promise<T> => what().catch((err: unknown) => (problems.push(errorText(err)), fallback));
  const allPeers = shares.flatMap((s) => s.peers);
  const anvilSites = await attempt(() => port.listSites(), []);
  const idByName = matchAnvilSites(anvilSites, [site, ...allPeers]);
  const localName = anvilSites.find((a) => a.type === 'LOCAL')?.name ?? site.name;
  const metrics = await attempt<TMetricSample[]>(() => port.metrics(), []);

  const pairs = await Promise.all(shares.map(async (share) => {
    const byId = <V>(m: Map<string, V>) => new Map([...m].flatMap(([name, v]) => (idByName.has(name) ? [[idByName.get(name) as string, v] as const] : [])));
    const participants = await attempt(async () => (await port.getShare(share.name)).participants, []);
    const latency = byId(participantLagBySite(participants));
    const behind = byId(sendBehindBySite(metrics, share.name, localName));
    const name = canaryName(site.region);
    const writtenAtMs = Date.now();
    const wrote = await attempt(async () => (await port.setAttribute(share.name, '/', { name, type: 'STRING', value: String(writtenAtMs) }), true), false);
    return Promise.all(share.peers.map(async (peer): Promise<TPairObservation> => {
      const watched = wrote ? await watchPeer(peer, share.name, name, writtenAtMs, canary) : { clock: null, reading: null };
      const readings: TLagReading[] = [];
      if (watched.reading) readings.push(watched.reading);
      const b = behind.get(peer.id);
      if (b !== undefined) readings.push({ source: 'send_behind', seconds: b, lowerBound: false });
      const l = latency.get(peer.id);
      if (l !== undefined) readings.push({ source: 'participant', seconds: l, lowerBound: false });
      return { shareId: share.id, toSiteId: peer.id, readings, peerClock: watched.clock };
    }));
  }));
  return { reachable: true, at, clock, pairs: pairs.flat(), problems };
}
