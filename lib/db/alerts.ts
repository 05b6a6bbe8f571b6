/**
 * In-app alerts (one open row per dedupe key until resolved) and the notifications that go with them.
 * Raising an alert that is already open does nothing, so a condition that lasts notifies once.
 */
import { db, type Tx } from './client';

export type TAlertInput = { kind: string; dedupeKey: string; message: string; siteId?: string | null; shareId?: string | null };

export function findOpenAlerts(keys: string[], tx: Tx = db()) {
  return tx.alert.findMany({ where: { dedupeKey: { in: keys }, resolvedAt: null }, select: { id: true, dedupeKey: true, message: true, raisedAt: true } });
}

/** Opens the alert unless one with its key is open; returns true when it opened one. */
export async function raiseAlert(a: TAlertInput, now: Date, tx: Tx = db()): Promise<boolean> {
  const open = await tx.alert.findFirst({ where: { dedupeKey: a.dedupeKey, resolvedAt: null }, select: { id: true } });
  if (open) return false;
  await tx.alert.create({ data: { kind: a.kind, dedupeKey: a.dedupeKey, message: a.message, siteId: a.siteId ?? null, shareId: a.shareId ?? null, raisedAt: now } });
  return true;
}

/** Resolves the open alert with this key; returns true when there was one. */
export async function resolveAlert(dedupeKey: string, now: Date, tx: Tx = db()): Promise<boolean> {
  const r = await tx.alert.updateMany({ where: { dedupeKey, resolvedAt: null }, data: { resolvedAt: now } });
  return r.count > 0;
}

export function listOpenAlerts(kinds: string[], tx: Tx = db()) {
  return tx.alert.findMany({
    where: { kind: { in: kinds }, resolvedAt: null },
    select: { id: true, kind: true, message: true, raisedAt: true, siteId: true, shareId: true, dedupeKey: true },
    orderBy: { raisedAt: 'desc' },
    take: 50,
  });
}

export function recentlyResolvedAlerts(kinds: string[], since: Date, tx: Tx = db()) {
  return tx.alert.findMany({
    where: { kind: { in: kinds }, resolvedAt: { gte: since } },
    select: { id: true, kind: true, message: true, raisedAt: true, resolvedAt: true },
    orderBy: { resolvedAt: 'desc' },
    take: 10,
  });
}

/** One in-app notification for every active admin. */
export async function notifyAdmins(n: { kind: string; title: string; body?: string; link?: string }, tx: Tx = db()): Promise<number> {
  const admins = await tx.user.findMany({ where: { roles: { has: 'admin' }, disabled: false }, select: { id: true } });
  if (!admins.length) return 0;
  await tx.notification.createMany({ data: admins.map((u) => ({ userId: u.id, kind: n.kind, title: n.title, body: n.body ?? null, link: n.link ?? null })) });
  return admins.length;
}
