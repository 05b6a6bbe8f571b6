/**
 * Reads what decides whether a site may be drained: from the site's own Anvil, each share's
 * send_behind towards every peer (Prometheus gauge and participant send latency, the worse of the two)
 * and a walk of the share with replication details for files whose only copy is here; from the
 * database, active assignments and workstations with a connected DCV session. Nothing is written.
 * Not a use case of its own: check-drain, start-drain and the drain steps call it.
 */
import { sharesOfSite } from '@/lib/db/anvil-sites';
import { db } from '@/lib/db/client';
import type { TLifecycleSite } from '@/lib/db/site-lifecycle';
import { participantLagBySite, sendBehindBySite } from '@/lib/domain/hammerspace/lag';
import type { AnvilPort } from '@/lib/domain/hammerspace/port';
import type { TFileNode, TMetricSample } from '@/lib/domain/hammerspace/types';
import { DEFAULT_WALK, isOnlyCopyAt, type TDrainFacts, type TShareFacts, type TWalkLimits } from '@/lib/domain/sites/blockers';
import { anvilForSite, errorText } from '../hammerspace/anvil-for-site';

const TIMEOUT_MS = 8_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Walks a namespace folder through one Anvil's `/files` (one directory per call, breadth first), with
 * limits on calls, files and depth so a huge share cannot hold a worker for ever: the caller learns the
 * walk was cut short and treats the unvisited part as unknown.
 */
export async function walkFiles(port: AnvilPort, root: string, limits: TWalkLimits, visit: (file: TFileNode) => void, opts: { replicationDetails?: boolean } = {}): Promise<{ files: number; truncated: boolean }> {
  const queue: Array<{ path: string; depth: number }> = [{ path: root, depth: 0 }];
  let calls = 0;
  let files = 0;
  while (queue.length) {
    const dir = queue.shift()!;
    if (calls >= limits.calls || dir.depth > limits.depth) return { files, truncated: true };
    calls++;
    const node = await port.files(dir.path, { replicationDetails: opts.replicationDetails });
    const entries = node.isDirectory ? node.children : [node];
    for (const child of entries) {
      if (child.isDirectory) {
        queue.push({ path: child.path, depth: dir.depth + 1 });
        continue;
      }
      if (++files > limits.files) return { files, truncated: true };
      visit(child);
    }
  }
  return { files, truncated: false };
}

/** Files under `root` whose only copy is at `siteName`, as far as the walk's limits allow. */
async function onlyCopies(port: AnvilPort, root: string, siteName: string, limits: TWalkLimits): Promise<{ paths: string[]; truncated: boolean }> {
  const paths: string[] = [];
  const walk = await walkFiles(port, root, limits, (f) => {
    if (isOnlyCopyAt(f, siteName)) paths.push(f.path);
  }, { replicationDetails: true });
  return { paths: paths.sort(), truncated: walk.truncated };
}

/** One reading of send_behind per share and peer: the gauge and the participant latency, the worse of the two. */
async function readSendBehind(port: AnvilPort, shares: Array<{ name: string }>, localName: string): Promise<Map<string, Map<string, number>>> {
  // The exporter may be off on a real cluster; participant latencies then carry the same number.
  const metrics: TMetricSample[] = await port.metrics().catch(() => []);
  const out = new Map<string, Map<string, number>>();
  for (const share of shares) {
    const participants = (await port.getShare(share.name)).participants;
    const gauge = sendBehindBySite(metrics, share.name, localName);
    const latency = participantLagBySite(participants);
    const peers = [...new Set([...gauge.keys(), ...participants.map((p) => p.name)])].filter((n) => n !== localName).sort();
    out.set(share.name, new Map(peers.map((peer) => [peer, Math.max(gauge.get(peer) ?? 0, latency.get(peer) ?? 0)])));
  }
  return out;
}

/**
 * send_behind is read again a few times, a second apart, while any is above 0, and the least reading of
 * each pair is kept: metadata is always moving (the lag collector's own canaries leave every site every
 * 15 s), so one reading can catch a change in flight; a change that stays unreplicated (a paused link,
 * a busy writer) stays above 0 in every reading and blocks.
 */
export async function observeDataFacts(site: TLifecycleSite, opts: { limits?: TWalkLimits; settleReads?: number; settleMs?: number } = {}): Promise<Pick<TDrainFacts, 'anvilError' | 'shares'>> {
  const shares = await sharesOfSite(site.id);
  const port = anvilForSite(site, { timeoutMs: TIMEOUT_MS });
  let localName: string;
  try {
    localName = (await port.localSite()).name;
  } catch (err) {
    return { anvilError: errorText(err), shares: [] };
  }
  const facts = new Map<string, TShareFacts>(shares.map((s) => [s.name, { shareId: s.id, share: s.name, sendBehind: [], onlyHere: [], truncated: false, error: null }]));
  let behind = new Map<string, Map<string, number>>();
  for (const share of shares) {
    try {
      behind.set(share.name, (await readSendBehind(port, [share], localName)).get(share.name) ?? new Map());
    } catch (err) {
      facts.get(share.name)!.error = errorText(err);
    }
  }
  for (let i = 0; i < (opts.settleReads ?? 3); i++) {
    const moving = shares.filter((s) => [...(behind.get(s.name)?.values() ?? [])].some((v) => v > 0));
    if (!moving.length) break;
    await sleep(opts.settleMs ?? 1_000);
    const again = await readSendBehind(port, moving, localName).catch(() => null);
    if (!again) break;
    behind = new Map([...behind].map(([share, peers]) => [share, new Map([...peers].map(([peer, v]) => [peer, Math.min(v, again.get(share)?.get(peer) ?? v)]))]));
  }
  for (const share of shares) {
    const f = facts.get(share.name)!;
    if (f.error) continue;
    f.sendBehind = [...(behind.get(share.name) ?? new Map<string, number>())].map(([toSite, seconds]) => ({ toSite, seconds }));
    try {
      const walk = await onlyCopies(port, share.path, localName, opts.limits ?? DEFAULT_WALK);
      f.onlyHere = walk.paths;
      f.truncated = walk.truncated;
    } catch (err) {
      f.error = errorText(err);
    }
  }
  return { anvilError: null, shares: [...facts.values()] };
}

export async function observePeopleFacts(siteId: string): Promise<Pick<TDrainFacts, 'assignments' | 'dcvSessions'>> {
  const [assignments, sessions] = await Promise.all([
    db().assignment.findMany({
      where: { siteId, active: true },
      select: { id: true, shotId: true, shot: { select: { name: true } }, artist: { select: { name: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    db().workstation.findMany({
      where: { siteId, dcvConnected: true, desiredState: { not: 'terminated' } },
      select: { id: true, name: true, artist: { select: { name: true } } },
      orderBy: { name: 'asc' },
    }),
  ]);
  return {
    assignments: assignments.map((a) => ({ id: a.id, shotId: a.shotId, shot: a.shot.name, artist: a.artist.name })),
    dcvSessions: sessions.map((w) => ({ workstationId: w.id, workstation: w.name, artist: w.artist?.name ?? null })),
  };
}

export async function observeDrainFacts(site: TLifecycleSite): Promise<TDrainFacts> {
  const [data, people] = await Promise.all([observeDataFacts(site), observePeopleFacts(site.id)]);
  return { site: { id: site.id, name: site.name }, ...data, ...people };
}
