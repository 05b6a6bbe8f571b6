/**
 * Delivers one webhook message (a `webhook-deliver` job). Signed with the subscription's secret over
 * `<timestamp>.<body>`, carrying the delivery's idempotency key so a receiver can drop a repeat. A 2xx
 * marks it delivered, and a delivered message is never sent again however often the job runs. Other
 * answers throw, so graphile-worker retries with exponential backoff, except answers a retry cannot
 * change (4xx other than 408/429) and the last attempt, which mark it failed.
 */
import { postWebhook } from '@/lib/adapters/webhooks/post-webhook';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { DELIVERY_HEADER, IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from '@/lib/utils/webhook-signature';
import { openSecret } from '../secrets';
import { maskWebhookUrl } from './webhook-url';

export const WEBHOOK_MAX_ATTEMPTS = 10;

export type TDeliveryOutcome = 'delivered' | 'already-delivered' | 'failed' | 'gone' | 'cancelled';

const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

export class WebhookRetry extends Error {}

export async function deliverWebhook(deliveryId: string, attempt: { attempt: number; maxAttempts: number }, now = () => new Date()): Promise<TDeliveryOutcome> {
  const delivery = await db().webhookDelivery.findUnique({ where: { id: deliveryId }, include: { subscription: true } });
  if (!delivery) return 'gone';
  if (delivery.status === 'delivered') return 'already-delivered';
  if (delivery.status === 'failed' || delivery.status === 'cancelled') return delivery.status;
  if (!delivery.subscription.active) {
    await db().webhookDelivery.update({ where: { id: deliveryId }, data: { status: 'cancelled', lastError: 'The subscription was turned off before delivery.' } });
    return 'cancelled';
  }

  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(now().getTime() / 1000);
  const headers = {
    [SIGNATURE_HEADER]: signWebhook(openSecret(delivery.subscription.secretEnc), timestamp, body),
    [TIMESTAMP_HEADER]: String(timestamp),
    [DELIVERY_HEADER]: delivery.id,
    [IDEMPOTENCY_HEADER]: delivery.idempotencyKey,
  };
  let status: number | null = null;
  let error: string | null = null;
  try {
    const answer = await postWebhook(delivery.subscription.url, body, headers);
    status = answer.status;
    if (status < 200 || status >= 300) error = `HTTP ${status}${answer.excerpt ? `: ${answer.excerpt}` : ''}`;
  } catch (err) {
    error = err instanceof AppError ? err.userMessage : String(err);
  }

  const last = attempt.attempt >= attempt.maxAttempts;
  if (!error) {
    await db().webhookDelivery.update({ where: { id: deliveryId }, data: { status: 'delivered', attempts: { increment: 1 }, lastStatus: status, lastError: null, deliveredAt: now() } });
    return 'delivered';
  }
  const permanent = status !== null && !retryable(status);
  const final = permanent || last;
  await db().webhookDelivery.update({ where: { id: deliveryId }, data: { status: final ? 'failed' : 'retrying', attempts: { increment: 1 }, lastStatus: status, lastError: error } });
  if (final) {
    logger.warn({ deliveryId, receiver: maskWebhookUrl(delivery.subscription.url), error, attempt: attempt.attempt }, 'webhook delivery failed for good');
    return 'failed';
  }
  throw new WebhookRetry(`webhook delivery ${deliveryId}, attempt ${attempt.attempt}/${attempt.maxAttempts}: ${error}`);
}
