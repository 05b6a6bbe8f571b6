/**
 * Workstation reads. The reconciler's read is one indexed query per site returning only what the
 * planner needs (32,000 rows across a large studio must stay cheap); the console's reads join the site
 * and the artist for display.
 */
import type { DesiredRow, DesiredState } from '@/lib/domain/workstations/types';
import type { Prisma } from './generated/client';
import { db, type Tx } from './client';

/** Terminated rows stay in the reconciler's view for an hour, so a launch racing a terminate is caught. */
const DONE_VISIBLE_MS = 3_600_000;

export async function listReconcileRows(siteId: string, now: Date, tx: Tx = db()): Promise<DesiredRow[]> {
  const rows = await tx.workstation.findMany({
    where: {
      siteId,
      NOT: { desiredState: 'terminated', observedState: 'terminated', updatedAt: { lt: new Date(now.getTime() - DONE_VISIBLE_MS) } },
    },
    select: {
      id: true, name: true, desiredState: true, instanceType: true, clientToken: true, observedState: true, instanceId: true,
      privateIp: true, dcvHost: true, launchedAt: true, observedAt: true, lost: true, lastErrorCode: true, lastError: true,
      artist: { select: { email: true } },
      profile: { select: { amiId: true, subnetId: true, securityGroupIds: true, volumeSizeGb: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    desiredState: r.desiredState as DesiredState,
    instanceType: r.instanceType,
    clientToken: r.clientToken,
    artistEmail: r.artist?.email ?? null,
    profile: r.profile,
    observed: {
      observedState: r.observedState, instanceId: r.instanceId, privateIp: r.privateIp, dcvHost: r.dcvHost, launchedAt: r.launchedAt,
      observedAt: r.observedAt, lost: r.lost, lastErrorCode: r.lastErrorCode, lastError: r.lastError,
    },
  }));
}

export type WorkstationTableFilter = { siteId?: string; state?: string; artistId?: string; includeTerminated?: boolean };
export type WorkstationSort = 'name' | 'site' | 'state' | 'artist' | 'type' | 'updated';

function tableWhere(f: WorkstationTableFilter): Prisma.WorkstationWhereInput {
  const where: Prisma.WorkstationWhereInput = { siteId: f.siteId || undefined, artistId: f.artistId || undefined };
  if (!f.includeTerminated && f.state !== 'terminated') where.desiredState = { not: 'terminated' };
  if (f.state === 'lost') where.lost = true;
  else if (f.state === 'not-launched') Object.assign(where, { observedState: null, lost: false });
  else if (f.state) Object.assign(where, { observedState: f.state, lost: false });
  return where;
}

const ORDER: Record<WorkstationSort, (dir: Prisma.SortOrder) => Prisma.WorkstationOrderByWithRelationInput[]> = {
  name: (d) => [{ name: d }],
  site: (d) => [{ site: { name: d } }, { name: 'asc' }],
  state: (d) => [{ observedState: { sort: d, nulls: 'first' } }, { name: 'asc' }],
  artist: (d) => [{ artist: { name: d } }, { name: 'asc' }],
  type: (d) => [{ instanceType: d }, { name: 'asc' }],
  updated: (d) => [{ updatedAt: d }],
};

/** One page of the console's table (a 5,000-machine studio is never sent to the browser at once). */
export function listWorkstationTable(f: WorkstationTableFilter, sort: WorkstationSort, dir: 'asc' | 'desc', page: { skip: number; take: number } = { skip: 0, take: 2000 }, tx: Tx = db()) {
  return tx.workstation.findMany({
    where: tableWhere(f),
    orderBy: ORDER[sort](dir),
    skip: page.skip,
    take: page.take,
    // Only the columns the table shows (rowView): a page is 50 rows of a wide table.
    select: {
      id: true, name: true, instanceType: true, desiredState: true, observedState: true, lost: true, observedAt: true, lastErrorCode: true, lastError: true, idleWarnedAt: true,
      site: { select: { name: true, region: true } }, artist: { select: { name: true } },
    },
  });
}

export function countWorkstationTable(f: WorkstationTableFilter, tx: Tx = db()): Promise<number> {
  return tx.workstation.count({ where: tableWhere(f) });
}

export function findWorkstationDetail(id: string, tx: Tx = db()) {
  return tx.workstation.findUnique({
    where: { id },
    include: {
      site: { select: { id: true, name: true, region: true, dcvGatewayHost: true, artistsMayStartStop: true, idleStopMinutes: true, idleWarnMinutes: true } },
      artist: { select: { id: true, name: true, email: true } },
      profile: { select: { id: true, name: true, kind: true } },
      events: { orderBy: { at: 'desc' }, take: 100 },
    },
  });
}

export function findArtistWorkstations(artistId: string, tx: Tx = db()) {
  return tx.workstation.findMany({
    where: { artistId, desiredState: { not: 'terminated' } },
    orderBy: { name: 'asc' },
    include: { site: { select: { id: true, name: true, region: true, dcvGatewayHost: true, artistsMayStartStop: true, idleStopMinutes: true, idleWarnMinutes: true } } },
  });
}

export function findWorkstationsByIds(ids: string[], tx: Tx = db()) {
  return tx.workstation.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, siteId: true, artistId: true, desiredState: true, lost: true, instanceId: true, observedState: true, site: { select: { artistsMayStartStop: true, region: true } } },
  });
}

export async function workstationNamesLike(prefix: string, tx: Tx = db()): Promise<string[]> {
  const rows = await tx.workstation.findMany({ where: { name: { startsWith: `${prefix}-` } }, select: { name: true } });
  return rows.map((r) => r.name);
}

export type NewWorkstationRow = {
  id: string; siteId: string; profileId: string; name: string; instanceType: string; clientToken: string; artistId: string | null;
};

export async function insertWorkstations(rows: NewWorkstationRow[], tx: Tx): Promise<void> {
  await tx.workstation.createMany({ data: rows.map((r) => ({ ...r, desiredState: 'running' as const, launchGeneration: 1 })) });
}

/** Sets the intent; returns the ids whose intent actually changed (a repeated click changes nothing). */
export async function setDesiredState(ids: string[], desired: DesiredState, tx: Tx): Promise<string[]> {
  const rows = await tx.workstation.findMany({ where: { id: { in: ids }, desiredState: { not: desired } }, select: { id: true } });
  const changing = rows.map((r) => r.id);
  if (!changing.length) return [];
  const idle = desired === 'running' ? { idleSince: null, idleWarnedAt: null } : {};
  await tx.workstation.updateMany({ where: { id: { in: changing } }, data: { desiredState: desired, ...idle } });
  return changing;
}

export async function insertEvents(events: Array<{ workstationId: string; kind: string; state: string | null; message: string; actorId?: string | null; at?: Date }>, tx: Tx): Promise<void> {
  if (events.length) await tx.workstationEvent.createMany({ data: events });
}

/** A new launch generation for a row whose instance was lost: a new ClientToken, no instance, running intent. */
export async function startNewGeneration(id: string, clientToken: string, generation: number, tx: Tx): Promise<boolean> {
  const { count } = await tx.workstation.updateMany({
    where: { id, launchGeneration: generation - 1 },
    data: {
      launchGeneration: generation, clientToken, instanceId: null, lost: false, observedState: null, observedAt: null, privateIp: null, dcvHost: null,
      launchedAt: null, desiredState: 'running', lastErrorCode: null, lastError: null, idleSince: null, idleWarnedAt: null,
    },
  });
  return count > 0;
}

export function createAdoptedWorkstation(
  w: { id: string; siteId: string; name: string; instanceType: string; instanceId: string; clientToken: string; desiredState: DesiredState; observedState: string; artistId: string | null; now: Date },
  tx: Tx,
) {
  return tx.workstation.create({
    data: {
      id: w.id, siteId: w.siteId, name: w.name, instanceType: w.instanceType, instanceId: w.instanceId, clientToken: w.clientToken,
      desiredState: w.desiredState, observedState: w.observedState, observedAt: w.now, artistId: w.artistId,
    },
  });
}

export function findWorkstationForRelaunch(id: string, tx: Tx = db()) {
  return tx.workstation.findUnique({ where: { id }, select: { id: true, name: true, siteId: true, lost: true, desiredState: true, launchGeneration: true, instanceId: true, observedState: true, lastErrorCode: true } });
}

export async function workstationNameTaken(name: string, tx: Tx = db()): Promise<boolean> {
  return (await tx.workstation.count({ where: { name } })) > 0;
}

/** The artists a workstation can be assigned to (active users holding the artist role). */
export function listAssignableArtists(tx: Tx = db()) {
  return tx.user.findMany({ where: { roles: { has: 'artist' }, disabled: false }, select: { id: true, name: true, email: true }, orderBy: { name: 'asc' } });
}
