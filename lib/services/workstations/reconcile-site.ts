/**
 * One reconcile pass over one site: observe EC2 (one filtered, paginated DescribeInstances for the
 * site's region), plan with the pure planner, apply idempotently, record the outcome on the site.
 * Level-triggered: a pass only compares intent with what EC2 shows now, so any pass repairs whatever a
 * crashed or failed pass left behind. A failure is recorded on the site and rethrown; other sites are
 * never affected (each site is its own job).
 */
import type { BackoffOptions } from '@/lib/adapters/aws/backoff';
import { describeManagedInstances } from '@/lib/adapters/aws/ec2-instances';
import { toAwsAppError } from '@/lib/adapters/aws/errors';
import { listKnownOrphans } from '@/lib/db/orphans';
import { findWorkstationSite, recordSiteReconcile } from '@/lib/db/workstation-sites';
import { listReconcileRows } from '@/lib/db/workstations';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { planReconcile, summarizeActions } from '@/lib/domain/workstations/plan-reconcile';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { applyReconcileActions, type ApplyResult } from './apply-reconcile-actions';

export type ReconcileOptions = { launchConcurrency?: number; backoff?: BackoffOptions };

export type ReconcileSummary = {
  siteId: string;
  region: string;
  skipped?: string;
  observed: number;
  rows: number;
  describePages: number;
  describeRetries: number;
  planned: ReturnType<typeof summarizeActions>;
  applied: ApplyResult;
  /** Rows, events, orphans, audit and site rows written by this pass: 0 when nothing changed. */
  dbWrites: number;
  ms: number;
  /** wall time per phase: read the rows, observe EC2, plan, apply (AWS calls and writes). */
  phases: { readMs: number; describeMs: number; planMs: number; applyMs: number };
};

export async function reconcileSite(actor: Actor, input: { siteId: string }, opts: ReconcileOptions = {}): Promise<ReconcileSummary> {
  requireRole(actor, 'admin');
  const started = Date.now();
  const site = await findWorkstationSite(input.siteId);
  if (!site) throw new AppError('NOT_FOUND', 'That site does not exist.');
  const now = new Date();
  const phases = { readMs: 0, describeMs: 0, planMs: 0, applyMs: 0 };
  const empty = { siteId: site.id, region: site.region, observed: 0, rows: 0, describePages: 0, describeRetries: 0, planned: summarizeActions([]), applied: { writes: 0, calls: { start: 0, stop: 0, terminate: 0, launch: 0 }, errors: 0 }, dbWrites: 0, phases };
  let mark = Date.now();
  const lap = (phase: keyof typeof phases) => {
    const t = Date.now();
    phases[phase] = t - mark;
    mark = t;
  };
  if (site.state === 'planned') return { ...empty, skipped: 'site is still planned', ms: Date.now() - started };

  const [rows, orphans] = await Promise.all([listReconcileRows(site.id, now), listKnownOrphans(site.id)]);
  lap('readMs');
  let observed;
  try {
    observed = await describeManagedInstances(site.region, opts.backoff);
  } catch (raw) {
    const err = toAwsAppError(raw, `DescribeInstances in ${site.region}`);
    const message = `${err.vendorCode ?? err.code}: ${err.userMessage}`.slice(0, 1000);
    await recordSiteReconcile(site, message, now);
    logger.warn({ siteId: site.id, region: site.region, code: err.vendorCode }, 'reconcile: observing EC2 failed');
    throw err;
  }
  lap('describeMs');

  const actions = planReconcile({ region: site.region, rows, observed: observed.instances, orphans, now });
  lap('planMs');
  const applied = await applyReconcileActions({ actor, site, now, launchConcurrency: opts.launchConcurrency ?? 4, backoff: opts.backoff }, actions);
  const siteWrites = (await recordSiteReconcile(site, null, now)) ? 1 : 0;
  lap('applyMs');
  const summary: ReconcileSummary = {
    ...empty,
    observed: observed.instances.length,
    rows: rows.length,
    describePages: observed.stats.pages,
    describeRetries: observed.stats.retries,
    planned: summarizeActions(actions),
    applied,
    dbWrites: applied.writes + siteWrites,
    ms: Date.now() - started,
  };
  if (applied.writes || applied.errors) logger.info({ siteId: site.id, region: site.region, planned: summary.planned, writes: applied.writes, errors: applied.errors }, 'reconcile: pass applied changes');
  return summary;
}
