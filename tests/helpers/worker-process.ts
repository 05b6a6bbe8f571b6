/**
 * A real workers process (`workers/main.ts`) for the drills and benchmarks: started against a given
 * database and simulators, ready once it logs "workers started", killable with any signal. Shared by the
 * fault drills (tests/drills) and bench/workers-scale.ts, so what they kill and count
 * is the process production runs. DRILL_DEBUG=1 shows each worker's log.
 */
import { spawn, type ChildProcess } from 'node:child_process';

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
