/**
 * Queues a test message to one receiver through the real delivery path (signature, retries), so an admin
 * can check a new Slack hook or the studio's receiver before real notifications depend on it.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { actorLabel, requireRole, type Actor } from '@/lib/domain/auth/actor';
import { AppError } from '@/lib/errors';
import { enqueue } from '@/lib/jobs';
import { audit } from '../audit';
import { WEBHOOK_MAX_ATTEMPTS } from './deliver-webhook';
import { maskWebhookUrl } from './webhook-url';
import { parseInput } from '../assignments/parse-input';

export const ZSendTestWebhook = z.object({ id: z.string().min(1) });

export async function sendTestWebhook(actor: Actor, input: z.input<typeof ZSendTestWebhook>): Promise<{ deliveryId: string }> {
  requireRole(actor, 'admin');
  const { id } = parseInput(ZSendTestWebhook, input);
  return db().$transaction(async (tx) => {
    const sub = await tx.webhookSubscription.findUnique({ where: { id }, select: { url: true, active: true } });
    if (!sub) throw new AppError('NOT_FOUND', 'That webhook does not exist any more.');
    if (!sub.active) throw new AppError('CONFLICT', 'Resume this webhook before testing it.');
    const text = `Test message from Studio Control, sent by ${actorLabel(actor)}.`;
    const delivery = await tx.webhookDelivery.create({
      data: { subscriptionId: id, idempotencyKey: `test:${randomUUID()}`, payload: { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] } },
    });
    await enqueue(tx, 'webhook-deliver', { deliveryId: delivery.id }, { jobKey: `webhook-deliver:${delivery.id}`, maxAttempts: WEBHOOK_MAX_ATTEMPTS });
    await audit(tx, actor, 'webhook.test', { type: 'webhook', id }, `Sent a test message to ${maskWebhookUrl(sub.url)}`);
    return { deliveryId: delivery.id };
  });
}
