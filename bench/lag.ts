/**
 * Replication-lag collection at studio scale: 32 sites, every one an Anvil (the simulator, in its own
 * process) joined by `projects`, so each site's collector reads 31 peers: 992 pairs a round.
 * A round is what the workers do every 15 s: one collector pass per site (canary written and timed at
 * every peer, send_behind, participant latency, samples and alerts recorded), run here with the
 * concurrency of one worker process (WORKER_CONCURRENCY, default 4). Then the minute's rollup and the
 * CloudWatch publication of the round's samples (batched PutMetricData, counted by the simulator).
 * Figures: round wall time against the 15 s interval, per-site pass p50/p95/max, CPU per round,
 * samples recorded, rollup and publish times, PutMetricData calls.
 * `npx tsx bench/lag.ts [sites] [rounds]` prints one JSON object.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { mapWithConcurrency } from '../lib/utils/concurrency';
import { startDatabase, withDatabaseName } from '../scripts/lib/embedded-postgres';
import { controlApi } from '../sim/aws/harness';
import { startJsonChild, startSimChild } from './support/aws-sim';
import { progress, runAlone } from './support/cli';
import { BENCH_REGIONS } from './support/regions';
import { pct } from './support/stats';

type AnvilInfo = { url: string; username: string; password: string; shareRoot: string };
const COLLECT_INTERVAL_MS = 15_000;

export async function runLagBench(opts: { sites?: number; rounds?: number; concurrency?: number } = {}) {
  const sites = opts.sites ?? 32;
  const rounds = opts.rounds ?? 3;
  const concurrency = opts.concurrency ?? 4;
  const regions = BENCH_REGIONS.slice(0, sites);
  const work = path.resolve('.data', `bench-lag-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const server = await startDatabase({ dataDir: path.join(work, 'pg'), persistent: false });
  const hs = await startJsonChild<{ controlUrl: string; anvils: Record<string, AnvilInfo> }>('bench/support/anvil-sim-child.ts', [regions.join(','), '--data-dir', path.join(work, 'hs')]);
  const aws = await startSimChild();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE bench');
  await admin.end();
  const url = withDatabaseName(server.url, 'bench');
  Object.assign(process.env, {
    DATABASE_URL: url, LOG_LEVEL: 'silent', STUDIO_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
    AWS_ENDPOINT_URL: aws.endpoint, AWS_ACCESS_KEY_ID: aws.accessKeyId, AWS_SECRET_ACCESS_KEY: aws.secretAccessKey,
  });
  try {
    const { prepareDatabase } = await import('../lib/db/prepare');
    await prepareDatabase(url);
    const { db, disconnectDb } = await import('../lib/db/client');
    const { sealSecret } = await import('../lib/services/secrets');
    const { systemActor } = await import('../lib/domain/auth/actor');
    const { collectSiteLag } = await import('../lib/services/replication/collect-site-lag');
    const { rollupLagSamples } = await import('../lib/services/replication/rollup-lag-samples');
    const { publishLagMetrics } = await import('../lib/services/replication/publish-lag-metrics');
    const { closeAnvilClients } = await import('../lib/adapters/hammerspace');
    const { destroyAwsClients } = await import('../lib/adapters/aws/clients');
    const share = await db().share.create({ data: { name: 'projects', path: '/projects', lagAlertSeconds: 30 } });
    const siteIds: string[] = [];
    for (const [i, region] of regions.entries()) {
      const a = hs.anvils[region]!;
      const site = await db().site.create({ data: { region, name: `Site ${region}`, isHome: i === 0, state: 'active', anvilUrl: a.url, anvilUsername: a.username, anvilPasswordEnc: sealSecret(a.password), publishRoot: path.join(a.shareRoot, 'projects') } });
      await db().shareParticipant.create({ data: { shareId: share.id, siteId: site.id, operState: 'UP' } });
      siteIds.push(site.id);
    }
    const actor = systemActor('lag-collector');
    const started = new Date();
    const roundFigures: Array<{ wallMs: number; cpuMs: number; samples: number; failedPasses: number; passP50Ms: number; passP95Ms: number; passMaxMs: number; worstLagSeconds: number }> = [];
    for (let r = 0; r < rounds; r++) {
      const passes: number[] = [];
      let samples = 0;
      let failed = 0;
      let worst = 0;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await mapWithConcurrency(siteIds, concurrency, async (siteId) => {
        const p0 = performance.now();
        const res = await collectSiteLag(actor, { siteId });
        passes.push(performance.now() - p0);
        samples += res.samples.length;
        if (!res.reachable || res.problems.length) failed++;
        for (const s of res.samples) worst = Math.max(worst, s.lagSeconds);
      });
      const wallMs = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      passes.sort((a, b) => a - b);
      roundFigures.push({ wallMs: Math.round(wallMs), cpuMs: Math.round((cpu.user + cpu.system) / 1000), samples, failedPasses: failed, passP50Ms: Math.round(pct(passes, 50)), passP95Ms: Math.round(pct(passes, 95)), passMaxMs: Math.round(passes.at(-1) ?? 0), worstLagSeconds: worst });
      progress('lag', `round ${r + 1}: ${Math.round(wallMs)} ms wall, ${samples} samples, ${failed} failed passes`);
    }
    const t1 = performance.now();
    const rollup = await rollupLagSamples(actor, new Date(Date.now() + 120_000));
    const rollupMs = Math.round(performance.now() - t1);
    const awsControl = controlApi(aws.endpoint);
    const putCalls = async () => (await awsControl.get<{ totals: { requests: number } }>('counters?action=PutMetricData')).totals.requests;
    const before = await putCalls();
    const t2 = performance.now();
    const published = await publishLagMetrics(actor, { from: started, to: new Date() });
    const publishMs = Math.round(performance.now() - t2);
    const after = await putCalls();
    const stored = await db().replicationSample.count();
    closeAnvilClients();
    destroyAwsClients();
    await disconnectDb();
    const pairs = sites * (sites - 1);
    const steady = roundFigures.slice(1).length ? roundFigures.slice(1) : roundFigures;
    const worstRoundMs = Math.max(...steady.map((x) => x.wallMs));
    const datums = published.published.reduce((n, p) => n + p.datums, 0);
    return {
      bench: 'lag' as const, sites, pairsPerRound: pairs, rounds, concurrency, intervalMs: COLLECT_INTERVAL_MS,
      roundsDetail: roundFigures,
      steadyRoundWallMs: { mean: Math.round(steady.reduce((n, x) => n + x.wallMs, 0) / steady.length), worst: worstRoundMs },
      steadyRoundCpuMs: Math.round(steady.reduce((n, x) => n + x.cpuMs, 0) / steady.length),
      samplesStored: stored,
      rollup: { ms: rollupMs, rolledUp: rollup.rolledUp },
      cloudwatch: { ms: publishMs, datums, putMetricDataCalls: after - before },
      met: worstRoundMs < COLLECT_INTERVAL_MS && stored === pairs * rounds && roundFigures.every((x) => x.failedPasses === 0) && datums === stored,
    };
  } finally {
    hs.stop();
    aws.stop();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

runAlone(import.meta.url, () => runLagBench({ sites: Number(process.argv[2] ?? 32), rounds: Number(process.argv[3] ?? 3), concurrency: Number(process.env.WORKER_CONCURRENCY ?? 4) }));
