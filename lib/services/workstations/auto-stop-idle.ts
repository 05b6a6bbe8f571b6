/**
 * Idle auto-stop for one site, by its policy (idle minutes, warning minutes). CPU (and GPU, where the
 * CloudWatch agent publishes it) for every running workstation of the region comes from one batched
 * GetMetricData call; the pure `decideIdle` says what to do. The artist is warned in the app before any
 * stop, and every warning and stop is audited.
 */
import { getUtilization } from '@/lib/adapters/aws/cloudwatch-metrics';
import { db } from '@/lib/db/client';
import { clearIdle, listRunningForIdleCheck, markIdleSince, markIdleWarned, notifyUser, stopIdle } from '@/lib/db/workstation-idle';
import { findWorkstationSite } from '@/lib/db/workstation-sites';
import { insertEvents } from '@/lib/db/workstations';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { DEFAULT_IDLE_THRESHOLD_PERCENT, decideIdle, idleLookbackMinutes, type IdleDecision } from '@/lib/domain/workstations/idle';
import { AppError } from '@/lib/errors';
import { audit } from '../audit';
import { publishChange } from '../live/publish-change';
import { requestReconcile } from './request-reconcile';

export type IdleCheckResult = { siteId: string; checked: number; marked: number; warned: number; stopped: number; cleared: number; metricCalls: number; skipped?: string };

const hhmm = (d: Date) => d.toISOString().slice(11, 16);

export async function autoStopIdle(actor: Actor, input: { siteId: string }, opts: { now?: Date } = {}): Promise<IdleCheckResult> {
  requireRole(actor, 'admin');
  const site = await findWorkstationSite(input.siteId);
  if (!site) throw new AppError('NOT_FOUND', 'That site does not exist.');
  const result: IdleCheckResult = { siteId: site.id, checked: 0, marked: 0, warned: 0, stopped: 0, cleared: 0, metricCalls: 0 };
  if (!site.idleStopMinutes) return { ...result, skipped: 'no idle policy' };
  const rows = await listRunningForIdleCheck(site.id);
  if (!rows.length) return result;

  const now = opts.now ?? new Date();
  const policy = { stopMinutes: site.idleStopMinutes, warnMinutes: Math.min(site.idleWarnMinutes, site.idleStopMinutes), thresholdPercent: DEFAULT_IDLE_THRESHOLD_PERCENT };
  const from = new Date(now.getTime() - idleLookbackMinutes(policy) * 60_000);
  const metrics = await getUtilization(site.region, rows.map((r) => r.instanceId!), { from, to: now });
  result.checked = rows.length;
  result.metricCalls = metrics.calls;

  const decisions = rows.map((r) => {
    const u = metrics.byInstance.get(r.instanceId!) ?? { cpu: [], gpu: [] };
    return { row: r, d: decideIdle({ policy, cpu: u.cpu, gpu: u.gpu, idleSince: r.idleSince, idleWarnedAt: r.idleWarnedAt, now }) };
  });
  const acting = decisions.filter((x): x is { row: (typeof rows)[number]; d: Exclude<IdleDecision, { kind: 'none' }> } => x.d.kind !== 'none');
  if (!acting.length) return result;

  await db().$transaction(async (tx) => {
    for (const { row, d } of acting) {
      const link = '/me';
      if (d.kind === 'mark-idle') {
        if (await markIdleSince(row.id, d.since, tx)) result.marked++;
      } else if (d.kind === 'clear') {
        if (await clearIdle(row.id, tx)) {
          result.cleared++;
          if (row.idleWarnedAt) await insertEvents([{ workstationId: row.id, kind: 'idle', state: null, message: 'In use again: the idle stop is cancelled.', at: now }], tx);
        }
      } else if (d.kind === 'warn') {
        if (!(await markIdleWarned(row.id, d.since, now, tx))) continue;
        result.warned++;
        const message = `Idle since ${hhmm(d.since)} UTC: ${row.name} will be stopped at about ${hhmm(d.stopAt)} UTC unless it is used.`;
        await insertEvents([{ workstationId: row.id, kind: 'idle-warning', state: null, message, at: now }], tx);
        await audit(tx, actor, 'workstation.idle-warning', { type: 'workstation', id: row.id }, message);
        if (row.artistId) await notifyUser({ userId: row.artistId, kind: 'workstation.idle-warning', title: `${row.name} will stop soon`, body: message, link }, tx);
      } else {
        if (!(await stopIdle(row.id, tx))) continue;
        result.stopped++;
        const message = `Stopped after ${d.idleMinutes} idle minutes (site policy: ${policy.stopMinutes}).`;
        await insertEvents([{ workstationId: row.id, kind: 'idle-stop', state: 'stopped', message, at: now }], tx);
        await audit(tx, actor, 'workstation.idle-stop', { type: 'workstation', id: row.id }, `${row.name}: ${message}`);
        if (row.artistId) await notifyUser({ userId: row.artistId, kind: 'workstation.idle-stop', title: `${row.name} was stopped`, body: message, link }, tx);
      }
    }
    if (result.stopped) await requestReconcile(tx, site.id, 'idle-stop');
    if (result.warned || result.stopped || result.cleared) {
      await publishChange(tx, { topic: 'workstations' });
      await publishChange(tx, { topic: 'notifications' });
    }
  });
  return result;
}
