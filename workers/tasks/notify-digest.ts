/** One user's pending changes, sent as one message per channel (see lib/services/notifications/send-digest.ts). */
import type { Task } from 'graphile-worker';
import { parsePayload } from '@/lib/jobs';
import { sendDigest } from '@/lib/services/notifications/send-digest';

export const notifyDigestTask: Task = async (payload, helpers) => {
  const { userId } = parsePayload('notify-digest', payload);
  const result = await sendDigest(userId);
  if (result.events > 0) helpers.logger.debug(`digest for ${userId}: ${result.events} changes, ${result.deliveries.length} webhook messages`);
};
