/**
 * Background jobs: their names, their payloads (zod), and `enqueue`, which adds a job inside the caller's
 * transaction (graphile-worker's add_job is plain SQL). Intent and job commit together or not at all, so a
 * crash between "row written" and "job queued" cannot happen.
 */
import { z } from 'zod';
import type { Tx } from '@/lib/db/client';

export const JOBS = {
  // workstations: one self-rescheduling reconcile chain per site (job key per site), a per-minute fan-out
  // that restarts any chain that died, and the per-minute idle check.
  'workstations:reconcile-site': z.object({ siteId: z.string().min(1), reason: z.string().optional() }),
  'workstations:reconcile-all': z.object({}).passthrough(),
  'workstations:idle-check': z.object({}).passthrough(),
  // notifications: one digest job per recipient (job key per user) folds every pending change into one
  // message; one delivery job per webhook message, retried with backoff, keyed by its idempotency key.
  'notify-digest': z.object({ userId: z.string().min(1) }),
  'webhook-deliver': z.object({ deliveryId: z.string().min(1) }),
  // hammerspace: the objectives reconciler per site (on demand after an edit; a per-minute fan-out), the lag
  // collector (one self-rescheduling chain per site, every 15 s: graphile-worker cron is per minute, and a
  // per-minute fan-out restarts a chain that died), CloudWatch publishing and rollup/retention per minute.
  'objectives:reconcile-site': z.object({ siteId: z.string().min(1), reason: z.string().optional() }),
  'objectives:reconcile-all': z.object({}).passthrough(),
  'replication:collect-site': z.object({ siteId: z.string().min(1) }),
  'replication:collect-all': z.object({}).passthrough(),
  'replication:publish-metrics': z.object({ _cron: z.object({ ts: z.string() }).passthrough().optional() }).passthrough(),
  'replication:rollup': z.object({}).passthrough(),
  // shots: the periodic safety-net rescan of the home site's publish root (the watcher in the workers
  // process handles changes as they happen); `full` re-reads every clip instead of trusting size and mtime.
  'shots:rescan': z.object({ reason: z.string().optional(), full: z.boolean().optional() }).passthrough(),
  // sites: one step of a site's bring-up or drain checklist per job (job key per site; the runner also
  // takes a per-site advisory lock), and a per-minute fan-out that resumes any workflow whose chain died.
  'sites:run-step': z.object({ siteId: z.string().min(1), reason: z.string().optional() }),
  'sites:resume-all': z.object({}).passthrough(),
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]>;

export type EnqueueOptions = {
  /** de-duplicates: a second job with the same key replaces the pending one (graphile-worker job_key). */
  jobKey?: string;
  jobKeyMode?: 'replace' | 'preserve_run_at' | 'unsafe_dedupe';
  runAt?: Date;
  maxAttempts?: number;
  queueName?: string;
  priority?: number;
};

export async function enqueue<N extends JobName>(tx: Tx, name: N, payload: JobPayload<N>, opts: EnqueueOptions = {}): Promise<void> {
  const data = JOBS[name].parse(payload);
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    identifier => ${name}::text,
    payload => ${JSON.stringify(data)}::json,
    queue_name => ${opts.queueName ?? null}::text,
    run_at => ${opts.runAt ?? null}::timestamptz,
    max_attempts => ${opts.maxAttempts ?? null}::int,
    job_key => ${opts.jobKey ?? null}::text,
    priority => ${opts.priority ?? null}::int,
    job_key_mode => ${opts.jobKeyMode ?? 'replace'}::text
  )`;
}

/** Parses a job's payload at the worker's door: a malformed payload fails the job with a clear reason. */
export function parsePayload<N extends JobName>(name: N, payload: unknown): JobPayload<N> {
  const parsed = JOBS[name].safeParse(payload);
  if (!parsed.success) throw new Error(`job ${name}: invalid payload: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data as JobPayload<N>;
}
