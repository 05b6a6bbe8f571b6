/**
 * `npx tsx bench/openclip.ts [clips] [renders] [avgVersions]` (default 10,000, 100 and 6.5): the Shot Publish scanner at
 * studio scale. Starts an embedded PostgreSQL, writes `clips` shot clips of 3–10 versions each
 * (buildOpenClip, default layout, 100 shots per sequence) into a temporary publish root, and prints one
 * JSON object:
 * - fullIndex: the first full scan (walk, read, parse, one transaction per clip): seconds, files/s, and
 *   the peak RSS of this process while it ran (sampled, and the kernel's high-water mark);
 * - steadyRescan: the periodic rescan over the same, unchanged files (size and mtime trusted);
 * - incremental: `renders` renders, one after another, each appending a version to a random shot's clip
 *   in place while the watcher runs with its production settings; latency from the end of the write to
 *   the committed database row (p50, p95, max). It includes the debounce and the stable-file interval,
 *   which a write must survive before it is read.
 */
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startDatabase, withDatabaseName } from '../scripts/lib/embedded-postgres';

import { runAlone } from './support/cli';
import { pct } from './support/stats';

const DEBOUNCE_MS = 100;
const STABLE_MS = 300;

/** Deterministic, so two runs index the same files. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** `avgVersions`: clips hold 3 to 2×(avg−3)+3 versions, evenly (6.5 → 3–10; 5 → 3–7). */
export async function runOpenClipBench(opts: { clips?: number; renders?: number; avgVersions?: number } = {}) {
  const SPAN = Math.round(2 * ((opts.avgVersions ?? 6.5) - 3)) + 1;
  const CLIPS = opts.clips ?? 10_000;
  const RENDERS = opts.renders ?? 100;
  const work = path.resolve('.data', `bench-openclip-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  const root = path.join(work, 'projects');
  mkdirSync(root, { recursive: true });
  const server = await startDatabase({ dataDir: path.join(work, 'pg'), persistent: false });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE bench');
  await admin.end();
  const url = withDatabaseName(server.url, 'bench');
  Object.assign(process.env, { DATABASE_URL: url, LOG_LEVEL: 'silent', STUDIO_SECRET_KEY: Buffer.alloc(32, 1).toString('base64') });
  try {
    const { prepareDatabase } = await import('../lib/db/prepare');
    await prepareDatabase(url);
    const { db, disconnectDb } = await import('../lib/db/client');
    const { appendVersion, buildOpenClip } = await import('../lib/domain/openclip');
    const { scanPublishRoot } = await import('../lib/services/shots/scan-publish-root');
    const { startPublishScanner } = await import('../lib/services/shots/publish-scanner');
    await db().site.create({ data: { region: 'us-east-1', name: 'Studio East', isHome: true, state: 'active', publishRoot: root } });

    const rnd = random(6);
    const files: Array<{ abs: string; shot: string; versions: number }> = [];
    let bytes = 0;
    for (let i = 0; i < CLIPS; i++) {
      const sequence = `sq${String(Math.floor(i / 100)).padStart(3, '0')}`;
      const shot = `sh${String(i).padStart(5, '0')}`;
      const count = 3 + Math.floor(rnd() * SPAN);
      const versions = Array.from({ length: count }, (_, k) => ({
        vuid: `v${String(k + 1).padStart(3, '0')}`, name: `v${String(k + 1).padStart(3, '0')}`, createdAt: `2026-11-${String(1 + (k % 28)).padStart(2, '0')}T10:00:00`,
        mediaPath: `${root}/Bench/sequences/${sequence}/${shot}/renders/${shot}_v${k + 1}/${shot}_v${k + 1}.[00001001-00001096].exr`,
        batchSetup: `${root}/Bench/sequences/${sequence}/${shot}/batch/${shot}_v${k + 1}.batch`,
      }));
      const abs = path.join(root, 'Bench', 'sequences', sequence, shot, `${shot}.clip`);
      mkdirSync(path.dirname(abs), { recursive: true });
      const xml = buildOpenClip({ name: shot, versions });
      writeFileSync(abs, xml);
      bytes += xml.length;
      files.push({ abs, shot, versions: count });
    }

    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const full = await scanPublishRoot({ concurrency: Number(process.env.BENCH_CONCURRENCY ?? 8) });
    const fullSeconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const versionRows = await db().version.count();
    const t1 = performance.now();
    const steady = await scanPublishRoot({ trustStat: true, concurrency: 8 });
    const steadySeconds = (performance.now() - t1) / 1000;

    // Incremental renders with the watcher's production settings.
    const committed = new Map<string, number>();
    const scanner = startPublishScanner({ debounceMs: DEBOUNCE_MS, stableMs: STABLE_MS, onIndexed: (abs, o) => o.status === 'indexed' && committed.set(abs, performance.now()) });
    await scanner.started();
    const latencies: number[] = [];
    for (let r = 0; r < RENDERS; r++) {
      const f = files[Math.floor(rnd() * files.length)]!;
      f.versions++;
      const name = `v${String(f.versions).padStart(3, '0')}`;
      const next = appendVersion(readFileSync(f.abs, 'utf8'), { vuid: name, name, createdAt: '2026-11-30T12:00:00', mediaPath: `renders/${name}/${f.shot}_${name}.[00001001-00001096].exr` }, { makeCurrent: true });
      if (!next.ok) throw new Error(next.error.reason);
      committed.delete(f.abs);
      writeFileSync(f.abs, next.xml);
      const written = performance.now();
      while (!committed.has(f.abs)) await new Promise((res) => setTimeout(res, 2));
      const row = await db().version.findFirst({ where: { vuid: name, shot: { name: f.shot } }, select: { id: true } });
      if (!row) throw new Error(`${f.shot} ${name}: indexed but no row`);
      latencies.push((committed.get(f.abs) as number) - written);
    }
    await scanner.stop();
    await disconnectDb();
    latencies.sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
        bench: 'openclip' as const,
        clips: CLIPS,
        versions: versionRows,
        clipBytes: bytes,
        fullIndex: {
          seconds: round(fullSeconds),
          filesPerSecond: Math.round(CLIPS / fullSeconds),
          indexed: full.counts.indexed,
          errors: full.errors.length,
          peakRssMb: mb(peak),
          maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        },
        steadyRescan: { seconds: round(steadySeconds), filesPerSecond: Math.round(CLIPS / steadySeconds), unchanged: steady.counts.unchanged },
        incremental: {
          renders: RENDERS,
          debounceMs: DEBOUNCE_MS,
          stableMs: STABLE_MS,
          p50Ms: round(pct(latencies, 50)),
          p95Ms: round(pct(latencies, 95)),
          maxMs: round(latencies.at(-1) ?? 0),
        },
        met: full.errors.length === 0 && full.counts.indexed === CLIPS && steady.counts.unchanged === CLIPS,
      };
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

runAlone(import.meta.url, () => runOpenClipBench({ clips: Number(process.argv[2] ?? 10_000), renders: Number(process.argv[3] ?? 100), avgVersions: Number(process.argv[4] ?? 6.5) }));
