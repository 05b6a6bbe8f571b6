/**
 * Publishes the lag samples of a time window to CloudWatch as `ReplicationLagSeconds` (dimensions Site,
 * PeerSite, Share), in the sending site's region, batched per region. The per-minute cron job passes
 * the minute before last, so a pass that stored its samples late is still included; every region is
 * tried before a failure is reported, so one region's outage does not hold back the others.
 */
import { z } from 'zod';
import { putLagMetrics } from '@/lib/adapters/aws/lag-metrics';
import { samplesBetween } from '@/lib/db/replication-samples';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { AppError } from '@/lib/errors';
import { errorText } from '@/lib/services/hammerspace/anvil-for-site';
import { parseInput } from '@/lib/services/hammerspace/parse-input';

export const ZPublishWindow = z.object({ from: z.coerce.date(), to: z.coerce.date() }).refine((w) => w.from < w.to, 'from must be before to');

/** The window a cron run at `ts` publishes: the whole minute that ended a minute ago. */
export function cronWindow(ts: Date): { from: Date; to: Date } {
  const minute = Math.floor(ts.getTime() / 60_000) * 60_000;
  return { from: new Date(minute - 120_000), to: new Date(minute - 60_000) };
}

export async function publishLagMetrics(actor: Actor, raw: z.input<typeof ZPublishWindow>) {
  requireRole(actor, 'admin');
  const window = parseInput(ZPublishWindow, raw);
  const samples = await samplesBetween(window.from, window.to);
  const byRegion = new Map<string, Parameters<typeof putLagMetrics>[1]>();
  for (const s of samples) {
    const list = byRegion.get(s.fromSite.region) ?? [];
    list.push({ site: s.fromSite.region, peerSite: s.toSite.region, share: s.share.name, seconds: s.lagSeconds, at: s.at });
    byRegion.set(s.fromSite.region, list);
  }
  const published: { region: string; datums: number; calls: number }[] = [];
  const failures: string[] = [];
  for (const [region, data] of byRegion) {
    try {
      published.push({ region, ...(await putLagMetrics(region, data, { attempts: 3 })) });
    } catch (err) {
      failures.push(`${region}: ${errorText(err)}`);
    }
  }
  if (failures.length) throw new AppError('UPSTREAM', `Publishing replication lag to CloudWatch failed in ${failures.join('; ')}`);
  return { samples: samples.length, published };
}
