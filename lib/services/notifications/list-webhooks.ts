/** The admin's webhook page: every receiver (URL masked) with its latest deliveries, and who can own one. */
import { db } from '@/lib/db/client';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { maskWebhookUrl } from './webhook-url';

export type TWebhookDeliveryView = { id: string; status: string; attempts: number; lastStatus: number | null; lastError: string | null; createdAt: string; deliveredAt: string | null };
export type TWebhookView = { id: string; url: string; events: string[]; active: boolean; user: string | null; createdAt: string; deliveries: TWebhookDeliveryView[] };

export async function listWebhooks(actor: Actor): Promise<{ webhooks: TWebhookView[]; users: Array<{ id: string; name: string; email: string }> }> {
  requireRole(actor, 'admin');
  const [subs, users] = await Promise.all([
    db().webhookSubscription.findMany({
      orderBy: { createdAt: 'asc' },
      include: { user: { select: { name: true } }, deliveries: { orderBy: { createdAt: 'desc' }, take: 5 } },
    }),
    db().user.findMany({ where: { disabled: false }, select: { id: true, name: true, email: true }, orderBy: { name: 'asc' } }),
  ]);
  return {
    users,
    webhooks: subs.map((s) => ({
      id: s.id, url: maskWebhookUrl(s.url), events: s.events, active: s.active, user: s.user?.name ?? null, createdAt: s.createdAt.toISOString(),
      deliveries: s.deliveries.map((d) => ({
        id: d.id, status: d.status, attempts: d.attempts, lastStatus: d.lastStatus, lastError: d.lastError, createdAt: d.createdAt.toISOString(), deliveredAt: d.deliveredAt?.toISOString() ?? null,
      })),
    })),
  };
}
