/**
 * Replication lag against the simulated Anvils (and the AWS simulator for CloudWatch): a link delay is
 * measured as it is, a paused link shows growing lag and raises the alert, a downed Anvil reads as
 * unreachable while everything else keeps working, clock skew is flagged, samples reach CloudWatch and
 * read back through GetMetricData, and rollups and retention keep the tables bounded.
 */
import { objectivesJobKey } from '@/lib/services/objectives/request-reconcile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAwsSimulator, type AwsSimulator } from '@/sim/aws/server';
import { destroyAwsClients } from '@/lib/adapters/aws/clients';
import { getLagSeries as getCloudWatchLag } from '@/lib/adapters/aws/lag-metrics';
import { systemActor } from '@/lib/domain/auth/actor';
import { resetEnvCache } from '@/lib/env';
import { collectSiteLag } from '@/lib/services/replication/collect-site-lag';
import { getLagSeries } from '@/lib/services/replication/get-lag-series';
import { getReplicationView } from '@/lib/services/replication/get-replication-view';
import { getWorstLag } from '@/lib/services/replication/get-worst-lag';
import { publishLagMetrics } from '@/lib/services/replication/publish-lag-metrics';
import { rollupLagSamples } from '@/lib/services/replication/rollup-lag-samples';
import { ensureCollectionChains } from '@/lib/services/replication/schedule-lag-collection';
import { updateLagThreshold } from '@/lib/services/replication/update-lag-threshold';
import { setupTestDatabase } from '../helpers/db';
import { seedStudio, sim, site, sleep, startTestCluster, type TestCluster } from './support';

const t = setupTestDatabase();
let c: TestCluster;
let aws: AwsSimulator;
let s: Awaited<ReturnType<typeof seedStudio>>;
const collector = systemActor('lag-collector');
const CANARY = { timeoutMs: 2_500, pollMs: 50 };
const collect = (siteId: string) => collectSiteLag(collector, { siteId }, CANARY);
const lagTo = (r: Awaited<ReturnType<typeof collect>>, toSiteId: string) => r.samples.find((x) => x.toSiteId === toSiteId);

beforeAll(async () => {
  c = await startTestCluster({ linkDelayMs: 100, linkDelays: { 'us-west-2>us-east-1': 1_500 } });
  aws = await startAwsSimulator({ port: 0 });
  Object.assign(process.env, { AWS_ENDPOINT_URL: aws.endpoint, AWS_ACCESS_KEY_ID: aws.accessKeyId, AWS_SECRET_ACCESS_KEY: aws.secretAccessKey });
  resetEnvCache();
  s = await seedStudio(t.db, c.cluster, { lagAlertSeconds: 30 });
});
afterAll(async () => {
  destroyAwsClients();
  await aws?.close();
  await c?.stop();
});

describe('measuring lag', () => {
  it('measures West → East as the link delay, on the page the admin sees', async () => {
    const r = await collect(s.west);
    expect(r).toMatchObject({ reachable: true, skipped: null });
    expect(lagTo(r, s.east)).toMatchObject({ source: 'canary', skewFlag: false });
    expect(lagTo(r, s.east)?.lagSeconds).toBeGreaterThan(1.3);
    expect(lagTo(r, s.east)?.lagSeconds).toBeLessThan(2.1);
    expect(lagTo(r, s.london)?.lagSeconds).toBeLessThan(0.8);
    const view = await getReplicationView(s.actor, { from: s.west, to: s.east });
    const cell = view.rows.find((row) => row.site.id === s.west)?.cells.find((x) => x.toId === s.east);
    expect(cell).toMatchObject({ kind: 'lag', tone: 'ok', stale: false, last: { lagSeconds: lagTo(r, s.east)?.lagSeconds } });
    expect(view.sites.find((x) => x.id === s.west)?.lastSampleAt).not.toBeNull();
    expect(view.selected?.points).toHaveLength(1);
  });

  it('shows the lag growing while the link is paused, raises the alert with a notification, and clears it after', async () => {
    await updateLagThreshold(s.actor, { shareId: s.shareId, seconds: 5 });
    await sim(c, 'POST', '/links/us-west-2/us-east-1/pause');
    const first = lagTo(await collect(s.west), s.east)?.lagSeconds ?? 0;
    await sleep(1_000);
    const second = await collect(s.west);
    const grown = lagTo(second, s.east)?.lagSeconds ?? 0;
    expect(grown).toBeGreaterThan(first + 0.9);
    expect(lagTo(second, s.london)?.lagSeconds).toBeLessThan(0.8);
    expect(grown).toBeGreaterThanOrEqual(5);
    expect(second.raised).toEqual([`lag:${s.shareId}:${s.west}:${s.east}`]);
    expect(await t.db.alert.findFirstOrThrow({ where: { kind: 'replication_lag', resolvedAt: null } })).toMatchObject({ siteId: s.west, shareId: s.shareId });
    expect((await t.db.notification.findFirstOrThrow({ where: { userId: s.adminId, kind: 'replication_lag' } })).title).toMatch(/^Replication lag Studio West → Studio East: \d/);
    expect((await collect(s.west)).raised).toEqual([]);
    const view = await getReplicationView(s.actor);
    expect(view.alerts.map((a) => a.kind)).toEqual(['replication_lag']);
    expect(view.rows.find((row) => row.site.id === s.west)?.cells.find((x) => x.toId === s.east)).toMatchObject({ tone: 'bad' });

    await sim(c, 'POST', '/links/us-west-2/us-east-1/resume');
    await sleep(1_600);
    const after = await collect(s.west);
    expect(lagTo(after, s.east)?.lagSeconds).toBeLessThan(2.1);
    expect(after.resolved).toEqual([`lag:${s.shareId}:${s.west}:${s.east}`]);
  });

  it('shows an Anvil taken down as unreachable since then, and everything else keeps working', async () => {
    await sim(c, 'POST', `${site('eu-west-2')}/down`);
    const down = await collect(s.london);
    expect(down).toMatchObject({ reachable: false, raised: [`anvil-unreachable:${s.london}`] });
    const since = (await t.db.site.findUniqueOrThrow({ where: { id: s.london } })).anvilUnreachableAt;
    expect(since).not.toBeNull();
    const west = await collect(s.west);
    expect(west.reachable).toBe(true);
    expect(lagTo(west, s.east)?.lagSeconds).toBeLessThan(2.1);
    expect((await collect(s.london)).raised).toEqual([]);
    expect((await t.db.site.findUniqueOrThrow({ where: { id: s.london } })).anvilUnreachableAt).toEqual(since);
    const view = await getReplicationView(s.actor);
    const row = view.rows.find((r) => r.site.id === s.west);
    expect(row?.cells.find((x) => x.toId === s.london)).toMatchObject({ kind: 'unreachable', since: since?.toISOString() });
    expect(row?.cells.find((x) => x.toId === s.east)).toMatchObject({ kind: 'lag' });
    expect((await getWorstLag(s.actor)).unreachable).toEqual(['London']);

    await sim(c, 'POST', `${site('eu-west-2')}/up`);
    const back = await collect(s.london);
    expect(back).toMatchObject({ reachable: true, resolved: [`anvil-unreachable:${s.london}`] });
    expect((await t.db.site.findUniqueOrThrow({ where: { id: s.london } })).anvilUnreachableAt).toBeNull();
    // Objective edits made while it was down are applied now, not at the next per-minute sweep.
    const queued = await t.db.$queryRaw<Array<{ payload: { reason: string } }>>`SELECT payload FROM graphile_worker._private_jobs WHERE key = ${objectivesJobKey(s.london)}`;
    expect(queued.map((j) => j.payload.reason)).toEqual(['anvil-back']);
  });

  it('flags samples and the site when an Anvil clock is skewed', async () => {
    await sim(c, 'PUT', `${site('us-east-1')}/clock`, { skewMs: 6_000 });
    expect(lagTo(await collect(s.west), s.east)?.skewFlag).toBe(true);
    expect((await collect(s.east)).raised).toEqual([`clock-skew:${s.east}`]);
    expect((await getReplicationView(s.actor)).sites.find((x) => x.id === s.east)?.skewed).toBe(true);
    await sim(c, 'PUT', `${site('us-east-1')}/clock`, { skewMs: 0 });
    expect((await collect(s.east)).resolved).toEqual([`clock-skew:${s.east}`]);
  });

  it('tells the Overview the worst lag now', async () => {
    const w = await getWorstLag(s.actor);
    expect(w.unreachable).toEqual([]);
    expect(w.worst).toMatchObject({ share: 'projects' });
    expect(w.sampledPairs).toBeGreaterThanOrEqual(3);
  });
});

describe('CloudWatch, rollups and the collector chain', () => {
  it('publishes ReplicationLagSeconds and GetMetricData returns the series', async () => {
    const samples = await t.db.replicationSample.findMany({ where: { fromSiteId: s.west, toSiteId: s.east } });
    const from = new Date(Math.min(...samples.map((x) => x.at.getTime())) - 1_000);
    const to = new Date(Date.now() + 1_000);
    const result = await publishLagMetrics(collector, { from, to });
    expect(result.published.map((p) => p.region).sort()).toEqual(['eu-west-2', 'us-east-1', 'us-west-2']);
    expect(result.published.every((p) => p.calls === 1)).toBe(true);
    const series = await getCloudWatchLag('us-west-2', { site: 'us-west-2', peerSite: 'us-east-1', share: 'projects', from: new Date(from.getTime() - 120_000), to, periodSeconds: 3600 });
    expect(series).toHaveLength(1);
    const mean = samples.reduce((n, x) => n + x.lagSeconds, 0) / samples.length;
    expect(series[0]?.seconds).toBeCloseTo(mean, 3);
  });

  it('rolls up minute averages and maxima, recomputes late minutes, and drops what is past retention', async () => {
    const now = new Date();
    const archive = await t.db.share.create({ data: { name: 'archive', path: '/archive' } });
    const pair = { fromSiteId: s.east, toSiteId: s.west, shareId: archive.id, source: 'canary', skewFlag: false };
    const minuteOf = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);
    const early = minuteOf(now.getTime() - 2 * 3600_000);
    const recent = minuteOf(now.getTime() - 2 * 60_000);
    await t.db.replicationSample.createMany({
      data: [
        { ...pair, at: new Date(early.getTime() + 5_000), lagSeconds: 2 },
        { ...pair, at: new Date(early.getTime() + 20_000), lagSeconds: 10 },
        { ...pair, at: new Date(recent.getTime() + 1_000), lagSeconds: 3 },
        { ...pair, at: new Date(now.getTime() - 49 * 3600_000), lagSeconds: 1 },
      ],
    });
    await t.db.replicationRollup.create({ data: { fromSiteId: s.east, toSiteId: s.west, shareId: archive.id, minute: new Date(now.getTime() - 31 * 86_400_000), avgLag: 1, maxLag: 1, samples: 1 } });
    expect(await rollupLagSamples(collector, now)).toMatchObject({ deletedRaw: 1, deletedRollups: 1 });
    const rollup = (minute: Date) => t.db.replicationRollup.findUniqueOrThrow({ where: { minute_fromSiteId_toSiteId_shareId: { minute, fromSiteId: s.east, toSiteId: s.west, shareId: archive.id } } });
    expect(await rollup(early)).toMatchObject({ avgLag: 6, maxLag: 10, samples: 2 });
    expect(await rollup(recent)).toMatchObject({ avgLag: 3, samples: 1 });

    // A sample stored late corrects its minute on the next run instead of being lost or doubled.
    await t.db.replicationSample.create({ data: { ...pair, at: new Date(recent.getTime() + 50_000), lagSeconds: 9 } });
    await rollupLagSamples(collector, now);
    expect(await rollup(recent)).toMatchObject({ avgLag: 6, maxLag: 9, samples: 2 });
    const day = await getLagSeries(s.actor, { fromSiteId: s.east, toSiteId: s.west, shareId: archive.id, range: '24h' }, now);
    expect(day.points.map((p) => [p.avg, p.max])).toEqual([[6, 10], [6, 9]]);
  });

  it('starts one collector chain per site and leaves live chains alone', async () => {
    expect(await ensureCollectionChains()).toBe(3);
    expect(await ensureCollectionChains()).toBe(0);
    const jobs = await t.db.$queryRaw<{ key: string }[]>`SELECT key FROM graphile_worker.jobs WHERE task_identifier = 'replication:collect-site'`;
    expect(jobs.map((j) => j.key).sort()).toEqual([s.east, s.west, s.london].map((id) => `replication:collect-site:${id}`).sort());
  });
});
