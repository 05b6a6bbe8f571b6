/** The bell: the signed-in user's latest notifications and how many are unread. Only their own. */
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/domain/auth/actor';

export type TNotificationView = { id: string; kind: string; title: string; body: string | null; link: string | null; read: boolean; createdAt: string };
export type TBellView = { unread: number; items: TNotificationView[] };

export async function listNotifications(actor: Actor, limit = 20): Promise<TBellView> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN', 'Only a signed-in user has notifications.');
  const [items, unread] = await Promise.all([
    db().notification.findMany({ where: { userId: actor.userId }, orderBy: { createdAt: 'desc' }, take: Math.min(Math.max(limit, 1), 100) }),
    db().notification.count({ where: { userId: actor.userId, readAt: null } }),
  ]);
  return {
    unread,
    items: items.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, read: n.readAt !== null, createdAt: n.createdAt.toISOString() })),
  };
}
