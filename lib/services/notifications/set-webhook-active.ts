/** Pauses or resumes a webhook receiver; messages queued while paused are cancelled, not held. */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { AppError } from '@/lib/errors';
import { audit } from '../audit';
import { maskWebhookUrl } from './webhook-url';
import { parseInput } from '../assignments/parse-input';

export const ZSetWebhookActive = z.object({ id: z.string().min(1), active: z.boolean() });

export async function setWebhookActive(actor: Actor, input: z.input<typeof ZSetWebhookActive>): Promise<{ id: string; active: boolean }> {
  requireRole(actor, 'admin');
  const { id, active } = parseInput(ZSetWebhookActive, input);
  return db().$transaction(async (tx) => {
    const row = await tx.webhookSubscription.findUnique({ where: { id }, select: { url: true, active: true } });
    if (!row) throw new AppError('NOT_FOUND', 'That webhook does not exist any more.');
    if (row.active === active) return { id, active };
    await tx.webhookSubscription.update({ where: { id }, data: { active } });
    await audit(tx, actor, active ? 'webhook.resume' : 'webhook.pause', { type: 'webhook', id }, `${active ? 'Resumed' : 'Paused'} the webhook to ${maskWebhookUrl(row.url)}`);
    return { id, active };
  });
}
