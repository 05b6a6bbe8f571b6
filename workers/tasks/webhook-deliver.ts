/**
 * One webhook message. graphile-worker counts the attempts (`job.attempts` includes this one) and retries a
 * thrown job with exponential backoff; the service decides when to stop and never sends a delivered
 * message twice.
 */
import type { Task } from 'graphile-worker';
import { parsePayload } from '@/lib/jobs';
import { deliverWebhook } from '@/lib/services/notifications/deliver-webhook';

export const webhookDeliverTask: Task = async (payload, helpers) => {
  const { deliveryId } = parsePayload('webhook-deliver', payload);
  await deliverWebhook(deliveryId, { attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts });
};
