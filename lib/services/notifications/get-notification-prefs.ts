/** The signed-in user's own notification preference, and how many personal webhooks carry it. */
import { db } from '@/lib/db/client';
import type { Actor } from '@/lib/domain/auth/actor';
import { parsePrefs, type TNotificationPrefs } from '@/lib/domain/notifications/prefs';
import { AppError } from '@/lib/errors';

export async function getNotificationPrefs(actor: Actor): Promise<TNotificationPrefs & { personalWebhooks: number }> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN', 'Only a signed-in user has notification preferences.');
  const [user, personalWebhooks] = await Promise.all([
    db().user.findUnique({ where: { id: actor.userId }, select: { notificationPrefs: true } }),
    db().webhookSubscription.count({ where: { userId: actor.userId, active: true } }),
  ]);
  return { ...parsePrefs(user?.notificationPrefs), personalWebhooks };
}
