'use server';

/** Saving one's own notification preference: any signed-in role, only their own row (the service's filter). */
import type { z } from 'zod';
import { action } from '@/lib/auth/guards';
import { ZNotificationPrefsInput } from '@/lib/domain/notifications/prefs';
import { updateNotificationPrefs } from '@/lib/services/notifications/update-notification-prefs';

const save = action([], ZNotificationPrefsInput, (actor, input) => updateNotificationPrefs(actor, input));

export async function saveNotificationPrefsAction(input: z.input<typeof ZNotificationPrefsInput>) {
  return save(input);
}
