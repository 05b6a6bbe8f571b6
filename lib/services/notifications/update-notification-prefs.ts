/**
 * Saves the signed-in user's own notification preference (users.notification_prefs). It changes how the
 * studio reaches someone, so it is audited.
 */
import type { z } from 'zod';
import { db } from '@/lib/db/client';
import type { Actor } from '@/lib/domain/auth/actor';
import { parsePrefs, ZNotificationPrefsInput, type TNotificationPrefs } from '@/lib/domain/notifications/prefs';
import { AppError } from '@/lib/errors';
import { audit } from '../audit';
import { parseInput } from '../assignments/parse-input';

export async function updateNotificationPrefs(actor: Actor, input: z.input<typeof ZNotificationPrefsInput>): Promise<TNotificationPrefs> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN', 'Only a signed-in user has notification preferences.');
  const prefs = parsePrefs(parseInput(ZNotificationPrefsInput, input));
  return db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { notificationPrefs: prefs } });
    const muted = prefs.muted.length ? `, muted: ${prefs.muted.join(', ')}` : '';
    await audit(tx, actor, 'notifications.prefs', { type: 'user', id: actor.userId }, `Notifications: bell ${prefs.inApp ? 'on' : 'off'}, webhooks ${prefs.webhook ? 'on' : 'off'}${muted}`, prefs);
    return prefs;
  });
}
