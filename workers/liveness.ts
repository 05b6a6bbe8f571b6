/**
 * This process's heartbeat: every WORKER_HEARTBEAT_SECONDS it records that it is alive, with the id
 * graphile-worker locks its jobs with, then frees the jobs of any peer that stopped beating (a killed
 * process's jobs would otherwise stay locked for 4 hours). A beat that fails (the database is away) is
 * logged and the next one tries again; beats never overlap. A beat that finds this process already
 * declared dead by a peer (it was paused or cut off too long, and its jobs were handed on) calls
 * `onDeclaredDead`: the process must stop at once, before it finishes a job another process now runs.
 */
import { logger } from '@/lib/logger';
import { recordHeartbeat, type WorkerIdentity } from '@/lib/services/workers/record-heartbeat';
import { releaseDeadWorkerLocks } from '@/lib/services/workers/release-dead-worker-locks';

export type Liveness = { beat(): Promise<void>; stop(): void };

export function startLiveness(identity: WorkerIdentity, lockIds: () => string[], everyMs: number, onDeclaredDead: () => void): Liveness {
  let running: Promise<void> | undefined;
  const once = async () => {
    try {
      if ((await recordHeartbeat(identity, lockIds())) === 'declared-dead') return onDeclaredDead();
      for (const w of await releaseDeadWorkerLocks()) {
        logger.warn({ deadWorker: w.workerId, pid: w.pid, hostname: w.hostname, lastBeatAt: w.lastBeatAt, jobs: w.jobs }, 'freed the jobs of a workers process that stopped beating');
      }
    } catch (err) {
      logger.warn({ err }, 'heartbeat not recorded; trying again at the next beat');
    }
  };
  const beat = () => (running ??= once().finally(() => (running = undefined)));
  const timer = setInterval(() => void beat(), everyMs);
  return { beat, stop: () => clearInterval(timer) };
}
