/**
 * The objectives reconciler for one site (level-triggered): observe that Anvil's objective definitions
 * and the objectives set on every share path we care about, plan with the pure planner, apply, then
 * write what changed on the application rows in one transaction, with audit rows for what was set,
 * unset and repaired. Drift (an objective deleted, edited or unset directly on the Anvil) is put back
 * and recorded (`repairedAt`, an `objective.drift_repaired` audit row).
 */
import { z } from 'zod';
import { isAnvilDown } from '@/lib/adapters/hammerspace';
import { db } from '@/lib/db/client';
import { findAnvilSite } from '@/lib/db/anvil-sites';
import { applicationsAtSite, deleteApplications, purgeRemovedObjectives, updateApplication, type TApplicationChange } from '@/lib/db/objectives';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { pathKey, pathsToObserve, planObjectiveSync, type TDesiredApplication, type TObservedPaths } from '@/lib/domain/hammerspace/objective-sync';
import { AppError } from '@/lib/errors';
import { audit } from '@/lib/services/audit';
import { anvilForSite, errorText, hasAnvil } from '@/lib/services/hammerspace/anvil-for-site';
import { parseInput } from '@/lib/services/hammerspace/parse-input';
import { publishChange } from '@/lib/services/live/publish-change';
import { executeSyncPlan, type TSyncOutcome } from './sync-actions';

export const ZReconcileSite = z.object({ siteId: z.string().min(1) });

export type TReconcileResult = { siteId: string; skipped: string | null; actions: number; repaired: number; failed: number; changedRows: number; error: string | null };

type Row = Awaited<ReturnType<typeof applicationsAtSite>>[number];

const differs = (row: Row, c: TApplicationChange) =>
  (c.state !== undefined && c.state !== row.state) || (c.lastError !== undefined && c.lastError !== row.lastError) || c.repairedAt !== undefined;

export async function reconcileSiteObjectives(actor: Actor, raw: z.input<typeof ZReconcileSite>, now = new Date()): Promise<TReconcileResult> {
  requireRole(actor, 'admin');
  const { siteId } = parseInput(ZReconcileSite, raw);
  const site = await findAnvilSite(siteId);
  if (!site) throw new AppError('NOT_FOUND', 'That site no longer exists.');
  const result: TReconcileResult = { siteId, skipped: null, actions: 0, repaired: 0, failed: 0, changedRows: 0, error: null };
  if (!hasAnvil(site)) return { ...result, skipped: 'no Anvil configured' };

  const rows = await applicationsAtSite(siteId);
  const apps = rows.map((r): TDesiredApplication => ({
    id: r.id, objective: r.objective.name, expression: r.objective.expression, share: r.share.name, path: r.path, state: r.objective.deletedAt ? 'removing' : r.state,
  }));
  const port = anvilForSite(site);
  let outcome: TSyncOutcome;
  try {
    const definitions = await port.listObjectives();
    const paths: TObservedPaths = new Map();
    for (const p of pathsToObserve(apps)) {
      try {
        paths.set(pathKey(p.share, p.path), { objectives: (await port.pathObjectives(p.share, p.path)).local.map((a) => a.objective) });
      } catch (err) {
        if (isAnvilDown(err)) throw err;
        paths.set(pathKey(p.share, p.path), { error: errorText(err) });
      }
    }
    const plan = planObjectiveSync(apps, definitions, paths);
    result.actions = plan.length;
    outcome = await executeSyncPlan(port, plan, new Map(apps.map((a) => [a.id, a])), now);
  } catch (err) {
    // The Anvil did not answer: rows not in place say why; nothing else changes.
    result.error = errorText(err);
    outcome = { changes: new Map(rows.filter((r) => r.state !== 'applied').map((r) => [r.id, { lastError: result.error }])), removed: [], applied: [], repairs: [], errors: [] };
  }
  result.repaired = outcome.repairs.length;
  result.failed = [...outcome.changes.values()].filter((c) => c.state === 'failed').length;
  result.error ??= outcome.errors[0] ?? null;
  return db().$transaction(async (tx) => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [id, c] of outcome.changes) {
      const row = byId.get(id);
      if (!row || outcome.removed.includes(id) || !differs(row, c)) continue;
      await updateApplication(id, c, tx);
      result.changedRows++;
    }
    await writeAudits(tx, actor, site.name, rows, outcome);
    if (outcome.removed.length) await deleteApplications(outcome.removed, tx);
    for (const gone of await purgeRemovedObjectives(tx)) {
      await audit(tx, actor, 'objective.removed', { type: 'objective', id: gone.id }, `Objective ${gone.name} is gone from every Anvil`);
    }
    result.changedRows += outcome.removed.length;
    if (result.changedRows || outcome.repairs.length) await publishChange(tx, { topic: 'objectives' });
    return result;
  });
}

async function writeAudits(tx: Parameters<typeof audit>[0], actor: Actor, siteName: string, rows: Row[], o: TSyncOutcome): Promise<void> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const idOf = (name: string) => rows.find((r) => r.objective.name === name)?.objective.id ?? null;
  const at = (r: Row) => `${r.share.name}${r.path === '/' ? '' : r.path} at ${siteName}`;
  for (const id of o.applied) {
    const r = byId.get(id);
    if (r && r.state !== 'applied') await audit(tx, actor, 'objective.set', { type: 'objective', id: r.objective.id }, `Set ${r.objective.name} on ${at(r)}`);
  }
  for (const id of o.removed) {
    const r = byId.get(id);
    if (r) await audit(tx, actor, 'objective.unset', { type: 'objective', id: r.objective.id }, `Unset ${r.objective.name} from ${at(r)}`);
  }
  const repairs = new Map<string, string[]>();
  for (const r of o.repairs) repairs.set(r.objective, [...(repairs.get(r.objective) ?? []), r.detail]);
  for (const [name, details] of repairs) {
    await audit(tx, actor, 'objective.drift_repaired', { type: 'objective', id: idOf(name) }, `Repaired ${name} on ${siteName}'s Anvil: ${details.join('; ')}`, { site: siteName, details });
  }
}
