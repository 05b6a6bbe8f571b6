/**
 * Objectives and their applications (objective × share × path × site). Desired state lives here; the
 * objectives reconciler makes every Anvil agree. An objective deleted in the app keeps its row, with
 * `deletedAt`, until nothing of it is left on any Anvil.
 */
import type { ApplicationState } from './generated/client';
import { db, type Tx } from './client';

const APPLICATION_VIEW = {
  id: true, path: true, state: true, lastError: true, appliedAt: true, repairedAt: true, createdAt: true,
  site: { select: { id: true, name: true, region: true, isHome: true } },
  share: { select: { id: true, name: true, path: true } },
} as const;

export function listObjectivesWithApplications(tx: Tx = db()) {
  return tx.objective.findMany({ orderBy: { name: 'asc' }, include: { applications: { select: APPLICATION_VIEW, orderBy: [{ createdAt: 'asc' }] } } });
}

export function findObjective(id: string, tx: Tx = db()) {
  return tx.objective.findUnique({ where: { id }, include: { applications: { select: APPLICATION_VIEW, orderBy: [{ createdAt: 'asc' }] } } });
}

export function findObjectiveByName(name: string, tx: Tx = db()) {
  return tx.objective.findUnique({ where: { name } });
}

export function createObjectiveRow(data: { name: string; expression: string; description: string | null; preset: string | null; createdById: string | null }, tx: Tx = db()) {
  return tx.objective.create({ data });
}

export function updateObjectiveRow(id: string, data: { expression: string; description: string | null }, tx: Tx = db()) {
  return tx.objective.update({ where: { id }, data });
}

/** Deleting in the app: every application becomes a removal for the reconciler. */
export async function markObjectiveDeleted(id: string, now: Date, tx: Tx = db()): Promise<void> {
  await tx.objective.update({ where: { id }, data: { deletedAt: now } });
  await tx.objectiveApplication.updateMany({ where: { objectiveId: id }, data: { state: 'removing' } });
}

/** Deleted objectives with nothing left on any Anvil lose their row; returns their names. */
export async function purgeRemovedObjectives(tx: Tx = db()): Promise<{ id: string; name: string }[]> {
  const done = await tx.objective.findMany({ where: { deletedAt: { not: null }, applications: { none: {} } }, select: { id: true, name: true } });
  if (done.length) await tx.objective.deleteMany({ where: { id: { in: done.map((o) => o.id) } } });
  return done;
}

export function applicationsAtSite(siteId: string, tx: Tx = db()) {
  return tx.objectiveApplication.findMany({
    where: { siteId },
    select: {
      id: true, path: true, state: true, lastError: true, repairedAt: true,
      objective: { select: { id: true, name: true, expression: true, deletedAt: true } },
      share: { select: { id: true, name: true } },
    },
    orderBy: { createdAt: 'asc' },
  });
}

export function applicationsOf(objectiveId: string, shareId: string, path: string, tx: Tx = db()) {
  return tx.objectiveApplication.findMany({ where: { objectiveId, shareId, path }, select: { id: true, siteId: true, state: true } });
}

/** Wants the objective at this share path and site: a new row, or an existing one made pending again. */
export async function wantApplication(key: { objectiveId: string; shareId: string; siteId: string; path: string }, tx: Tx = db()): Promise<{ id: string; created: boolean; changed: boolean }> {
  const existing = await tx.objectiveApplication.findUnique({ where: { objectiveId_shareId_siteId_path: key }, select: { id: true, state: true } });
  if (!existing) return { id: (await tx.objectiveApplication.create({ data: { ...key, state: 'pending' } })).id, created: true, changed: true };
  if (existing.state === 'applied' || existing.state === 'pending') return { id: existing.id, created: false, changed: false };
  await tx.objectiveApplication.update({ where: { id: existing.id }, data: { state: 'pending', lastError: null } });
  return { id: existing.id, created: false, changed: true };
}

export function setApplicationsState(ids: string[], state: ApplicationState, tx: Tx = db()) {
  return tx.objectiveApplication.updateMany({ where: { id: { in: ids } }, data: { state } });
}

export function findApplication(id: string, tx: Tx = db()) {
  return tx.objectiveApplication.findUnique({ where: { id }, select: { ...APPLICATION_VIEW, objectiveId: true, objective: { select: { name: true, deletedAt: true } } } });
}

export type TApplicationChange = { state?: ApplicationState; lastError?: string | null; appliedAt?: Date; repairedAt?: Date };

export function updateApplication(id: string, data: TApplicationChange, tx: Tx = db()) {
  return tx.objectiveApplication.update({ where: { id }, data });
}

export function deleteApplications(ids: string[], tx: Tx = db()) {
  return tx.objectiveApplication.deleteMany({ where: { id: { in: ids } } });
}

/** Pending applications of an edited objective (everything not being removed goes back to pending). */
export function resetApplicationsToPending(objectiveId: string, tx: Tx = db()) {
  return tx.objectiveApplication.updateMany({ where: { objectiveId, state: { not: 'removing' } }, data: { state: 'pending' } });
}

export function siteIdsOfObjective(objectiveId: string, tx: Tx = db()) {
  return tx.objectiveApplication.findMany({ where: { objectiveId }, select: { siteId: true }, distinct: ['siteId'] });
}

/** The reconciler's latest drift repairs, newest first (from the audit trail). */
export function recentDriftRepairs(limit: number, tx: Tx = db()) {
  return tx.auditLog.findMany({ where: { action: 'objective.drift_repaired' }, orderBy: { id: 'desc' }, take: limit, select: { id: true, at: true, summary: true, entityId: true } });
}
