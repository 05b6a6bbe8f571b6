/**
 * An admin adds a webhook receiver: studio-wide (every digest, e.g. a production Slack channel) or for
 * one user (their own digests, following their preference). The signing secret is sealed at rest; when
 * the admin leaves it blank one is generated, and either way it is shown once, on creation, and never again.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { NOTIFICATION_KINDS } from '@/lib/domain/notifications/prefs';
import { AppError } from '@/lib/errors';
import { audit } from '../audit';
import { sealSecret } from '../secrets';
import { maskWebhookUrl, ZWebhookUrl } from './webhook-url';
import { parseInput } from '../assignments/parse-input';

export const ZCreateWebhook = z.object({
  url: ZWebhookUrl,
  secret: z.string().trim().max(200).nullish().transform((v) => v || null).refine((v) => v === null || v.length >= 16, 'Use at least 16 characters, or leave it blank to generate one.'),
  events: z.array(z.enum(NOTIFICATION_KINDS)).default([]),
  userId: z.string().trim().nullish().transform((v) => v || null),
});

export async function createWebhook(actor: Actor, input: z.input<typeof ZCreateWebhook>): Promise<{ id: string; secret: string }> {
  requireRole(actor, 'admin');
  const { url, secret, events, userId } = parseInput(ZCreateWebhook, input);
  if (userId) {
    const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, disabled: true } });
    if (!user || user.disabled) throw new AppError('VALIDATION', 'Choose an active user, or none for a studio-wide webhook.', { fieldErrors: { userId: ['No such active user.'] } });
  }
  const plain = secret ?? `whsec_${randomBytes(24).toString('base64url')}`;
  return db().$transaction(async (tx) => {
    const row = await tx.webhookSubscription.create({ data: { url, secretEnc: sealSecret(plain), events: [...new Set(events)], userId } });
    const scope = userId ? 'personal' : 'studio-wide';
    await audit(tx, actor, 'webhook.create', { type: 'webhook', id: row.id }, `Added a ${scope} webhook to ${maskWebhookUrl(url)}`, { events, userId });
    return { id: row.id, secret: plain };
  });
}
