/**
 * Replication lag from → to, from three readings of different quality, combined into one number:
 * - canary: the collector writes an attribute at `from` and times its arrival at `to` (end to end, one
 *   clock: the collector's). When it has not arrived by the deadline, the lag is at least the age of the
 *   newest canary `to` does show, which keeps growing while a link is paused.
 * - send_behind: the sender's Prometheus gauge, the age of its oldest change `to` has not applied.
 * - participant: the sender's view of the share participant (`latency.sendLatencySecs`), the same
 *   quantity in whole seconds.
 * The effective lag is the worst of them: each is a lower bound of what a user at `to` could miss.
 */
import type { TMetricSample, TShareParticipant } from './types';

export const LAG_SOURCES = ['canary', 'send_behind', 'participant'] as const;
export type TLagSource = (typeof LAG_SOURCES)[number];
export type TLagReading = { source: TLagSource; seconds: number; lowerBound: boolean };

export const SEND_BEHIND_METRIC = 'hammerspace_filesystem_replication_send_behind';

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const clamp = (seconds: number) => round3(Math.max(0, seconds));

/**
 * The canary reading for one peer. `seenAtMs` is when the peer first showed the value written at
 * `writtenAtMs`; `visibleValueMs` is the newest canary value the peer showed last (null: none at all).
 */
export function canaryReading(c: { writtenAtMs: number; seenAtMs: number | null; visibleValueMs: number | null; nowMs: number }): TLagReading {
  if (c.seenAtMs !== null) return { source: 'canary', seconds: clamp((c.seenAtMs - c.writtenAtMs) / 1000), lowerBound: false };
  const since = c.visibleValueMs !== null && c.visibleValueMs < c.writtenAtMs ? c.visibleValueMs : c.writtenAtMs;
  return { source: 'canary', seconds: clamp((c.nowMs - since) / 1000), lowerBound: true };
}

/** send_behind gauges of one sender for one share, by receiving site name. */
export function sendBehindBySite(samples: TMetricSample[], share: string, fromSiteName: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of samples) {
    if (s.name !== SEND_BEHIND_METRIC || s.labels.share !== share || s.labels.from_site !== fromSiteName) continue;
    const to = s.labels.to_site;
    if (to && Number.isFinite(s.value)) out.set(to, Math.max(out.get(to) ?? 0, s.value));
  }
  return out;
}

/** Participant send latencies of a share as the sender sees them, by member site name. */
export function participantLagBySite(participants: TShareParticipant[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of participants) if (p.latency) out.set(p.name, p.latency.sendSecs);
  return out;
}

const PREFERENCE: Record<TLagSource, number> = { canary: 0, send_behind: 1, participant: 2 };

/** The worst reading (ties go to the most direct source); null when there is none. */
export function effectiveLag(readings: TLagReading[]): { seconds: number; source: TLagSource } | null {
  let best: TLagReading | undefined;
  for (const r of readings) {
    if (!Number.isFinite(r.seconds)) continue;
    const seconds = clamp(r.seconds);
    if (!best || seconds > best.seconds || (seconds === best.seconds && PREFERENCE[r.source] < PREFERENCE[best.source])) {
      best = { ...r, seconds };
    }
  }
  return best ? { seconds: best.seconds, source: best.source } : null;
}

/** "7.2 s", "3 min 05 s", "2 h 10 min": lag as people read it. */
export function formatLag(seconds: number): string {
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  const s = Math.round(seconds);
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
