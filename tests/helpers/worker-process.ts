/**
 * A real workers process (`workers/main.ts`) for the drills and benchmarks: started against a given
 * database and simulators, ready once it logs "workers started", killable with any signal. Shared by the
 * fault drills (tests/drills) and bench/workers-scale.ts, so what they kill and count
 * is the process production runs. DRILL_DEBUG=1 shows each worker's log.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Db } from '@/lib/db/client';

export type WorkerProcess = { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null>; log(): string };

export type WorkerEnv = {
  databaseUrl: string;
  aws?: { endpoint: string; accessKeyId: string; secretAccessKey: string };
  reconcileIntervalSeconds?: number;
  concurrency?: number;
  extra?: Record<string, string>;
};

export function startWorker(opts: WorkerEnv): WorkerProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: opts.databaseUrl,
    RECONCILE_INTERVAL_SECONDS: String(opts.reconcileIntervalSeconds ?? 5),
    WORKER_CONCURRENCY: String(opts.concurrency ?? 4),
    LOG_LEVEL: 'info',
    STUDIO_SERVICE: 'workers',
    ...(opts.aws ? { AWS_ENDPOINT_URL: opts.aws.endpoint, AWS_ACCESS_KEY_ID: opts.aws.accessKeyId, AWS_SECRET_ACCESS_KEY: opts.aws.secretAccessKey } : {}),
    ...opts.extra,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + String(d)).slice(-20_000);
    if (process.env.DRILL_DEBUG) process.stderr.write(String(d));
  };
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      keep(d);
      buf += String(d);
      if (buf.includes('"msg":"workers started"')) resolve();
    });
    void exited.then((code) => reject(new Error(`worker exited (${code}) before it was ready: ${output.slice(-2000)}`)));
  });
  // Nobody may be waiting on `ready` when a worker dies later; that is not an unhandled rejection.
  ready.catch(() => undefined);
  return { child, ready, exited, log: () => output };
}

export async function killWorker(w: WorkerProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (w.child.exitCode !== null || w.child.signalCode !== null) return;
  w.child.kill(signal);
  await w.exited;
}

/** Beats every second and takes a process silent for 4 s for dead: the drills kill processes and want their jobs back soon. */
export const FAST_LIVENESS = { WORKER_HEARTBEAT_SECONDS: '1', WORKER_DEAD_AFTER_SECONDS: '4' };

/**
 * Waits until every locked job is held by `w` itself: the jobs the killed processes held have been freed
 * (workers/liveness.ts) and taken again. Returns the jobs still held by others if that never happens.
 */
export async function jobsHeldByOthers(db: Db, w: WorkerProcess, timeoutMs = 30_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db.$queryRaw<Array<{ job: string }>>`
      SELECT task_identifier || '(' || coalesce(key, '') || ') locked by ' || locked_by AS job FROM graphile_worker.jobs
      WHERE locked_by IS NOT NULL
        AND NOT (locked_by = ANY(coalesce((SELECT lock_ids FROM worker_heartbeats WHERE pid = ${w.child.pid} ORDER BY beat_at DESC LIMIT 1), '{}')))`;
    if (!rows.length || Date.now() > deadline) return rows.map((r) => r.job);
    await new Promise((r) => setTimeout(r, 250));
  }
}
