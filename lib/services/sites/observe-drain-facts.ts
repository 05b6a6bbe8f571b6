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
import type { TMetricSample } from '@/lib/domain/hammerspace/types';
import type { TDrainFacts, TShareFacts } from '@/lib/domain/sites/blockers';
import { DEFAULT_WALK, isOnlyCopyAt, type TWalkLimits } from '@/lib/domain/sites/data-copies';
import { anvilForSite, errorText } from '../hammerspace/anvil-for-site';
import { walkFiles } from './walk-files';

const TIMEOUT_MS = 8_000;

/** Files under `root` whose only copy is at `siteName`, as far as the walk's limits allow. */
async function onlyCopies(port: AnvilPort, root: string, siteName: string, limits: TWalkLimits): Promise<{ paths: string[]; truncated: boolean }> {
  const paths: string[] = [];
  const walk = await walkFiles(port, root, limits, (f) => {
    if (isOnlyCopyAt(f, siteName)) paths.push(f.path);
  }, { replicationDetails: true });
  return { paths: paths.sort(), truncated: walk.truncated };
}

export async function observeDataFacts(site: TLifecycleSite, limits: TWalkLimits = DEFAULT_WALK): Promise<Pick<TDrainFacts, 'anvilError' | 'shares'>> {
  const shares = await sharesOfSite(site.id);
  const port = anvilForSite(site, { timeoutMs: TIMEOUT_MS });
  let localName: string;
  try {
    localName = (await port.localSite()).name;
  } catch (err) {
    return { anvilError: errorText(err), shares: [] };
  }
  // The exporter may be off on a real cluster; participant latencies then carry the same number.
  const metrics: TMetricSample[] = await port.metrics().catch(() => []);
  const facts: TShareFacts[] = [];
  for (const share of shares) {
    const f: TShareFacts = { shareId: share.id, share: share.name, sendBehind: [], onlyHere: [], truncated: false, error: null };
    try {
      const participants = (await port.getShare(share.name)).participants;
      const gauge = sendBehindBySite(metrics, share.name, localName);
      const latency = participantLagBySite(participants);
      const peers = new Set([...gauge.keys(), ...participants.map((p) => p.name)].filter((n) => n !== localName));
      f.sendBehind = [...peers].sort().map((toSite) => ({ toSite, seconds: Math.max(gauge.get(toSite) ?? 0, latency.get(toSite) ?? 0) }));
      const walk = await onlyCopies(port, share.path, localName, limits);
      f.onlyHere = walk.paths;
      f.truncated = walk.truncated;
    } catch (err) {
      f.error = errorText(err);
    }
    facts.push(f);
  }
  return { anvilError: null, shares: facts };
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
