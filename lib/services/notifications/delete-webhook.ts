/**
 * Removes a webhook receiver and its delivery history. Irreversible, so the caller must confirm; messages
 * still queued for it are dropped (their jobs find no delivery and end).
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { AppError } from '@/lib/errors';
import { audit } from '../audit';
import { maskWebhookUrl } from './webhook-url';
import { parseInput } from '../assignments/parse-input';

export const ZDeleteWebhook = z.object({ id: z.string().min(1), confirmed: z.literal(true, { error: 'Confirm the removal first.' }) });

export async function deleteWebhook(actor: Actor, input: z.input<typeof ZDeleteWebhook>): Promise<{ id: string }> {
  requireRole(actor, 'admin');
  const { id } = parseInput(ZDeleteWebhook, input);
  return db().$transaction(async (tx) => {
    const row = await tx.webhookSubscription.findUnique({ where: { id }, select: { id: true, url: true } });
    if (!row) throw new AppError('NOT_FOUND', 'That webhook does not exist any more.');
    await tx.webhookSubscription.delete({ where: { id } });
    await audit(tx, actor, 'webhook.delete', { type: 'webhook', id }, `Removed the webhook to ${maskWebhookUrl(row.url)}`);
    return { id };
  });
}
