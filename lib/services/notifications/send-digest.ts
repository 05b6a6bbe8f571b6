/**
 * The `notify-digest` job of one user: takes every pending change recorded for them (rows locked, so two
 * runs never send the same change twice), and turns them into at most one bell notification and one
 * webhook message per subscription, following the user's preference. Personal subscriptions (an
 * artist's Slack DM) follow the preference; studio-wide ones (a production channel, no user) get every
 * digest, addressed to whom it concerns, filtered by their own event list only.
 */
import { createHash } from 'node:crypto';
import { db } from '@/lib/db/client';
import { addressedTo, buildDigest, type TPendingEvent } from '@/lib/domain/notifications/digest';
import { isNotificationKind, parsePrefs, wants } from '@/lib/domain/notifications/prefs';
import { env } from '@/lib/env';
import { enqueue } from '@/lib/jobs';
import { publishChange } from '../live/publish-change';
import { WEBHOOK_MAX_ATTEMPTS } from './deliver-webhook';

export type TDigestResult = { events: number; notification: string | null; deliveries: string[] };

const keyOf = (eventIds: string[], subscriptionId: string) =>
  `digest:${createHash('sha256').update([...eventIds].sort().join(',')).digest('hex').slice(0, 32)}:${subscriptionId}`;

export async function sendDigest(userId: string, now = new Date()): Promise<TDigestResult> {
  return db().$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM notification_events WHERE user_id = ${userId} AND sent_at IS NULL
        ORDER BY created_at LIMIT 10000 FOR UPDATE SKIP LOCKED`;
      if (locked.length === 0) return { events: 0, notification: null, deliveries: [] };
      const ids = locked.map((r) => r.id);
      await tx.notificationEvent.updateMany({ where: { id: { in: ids } }, data: { sentAt: now } });
      const [rows, user] = await Promise.all([
        tx.notificationEvent.findMany({ where: { id: { in: ids } }, orderBy: { createdAt: 'asc' } }),
        tx.user.findUnique({ where: { id: userId }, select: { name: true, roles: true, disabled: true, notificationPrefs: true } }),
      ]);
      if (!user || user.disabled) return { events: rows.length, notification: null, deliveries: [] };

      const prefs = parsePrefs(user.notificationPrefs);
      const events = rows.flatMap((r) =>
        isNotificationKind(r.kind) ? [{ id: r.id, kind: r.kind, title: r.title, link: r.link, createdAt: r.createdAt.toISOString() } satisfies TPendingEvent & { id: string }] : [],
      );
      const home = user.roles.includes('producer') || user.roles.includes('admin') ? '/shots/board' : '/me';

      let notification: string | null = null;
      const inApp = events.filter((e) => wants(prefs, 'inApp', e.kind));
      if (inApp.length > 0) {
        const d = buildDigest(inApp, { baseUrl: null, fallbackLink: home });
        const created = await tx.notification.create({ data: { userId, kind: d.count === 1 ? d.kinds[0]! : 'digest', title: d.title, body: d.body, link: d.link } });
        notification = created.id;
        await publishChange(tx, { topic: 'notifications' });
      }

      const deliveries: string[] = [];
      const subscriptions = await tx.webhookSubscription.findMany({ where: { active: true, OR: [{ userId }, { userId: null }] }, orderBy: { createdAt: 'asc' } });
      for (const sub of subscriptions) {
        const personal = sub.userId === userId;
        const chosen = events.filter((e) => (!personal || wants(prefs, 'webhook', e.kind)) && (sub.events.length === 0 || sub.events.includes(e.kind)));
        if (chosen.length === 0) continue;
        const d = buildDigest(chosen, { baseUrl: env().AUTH_URL ?? null, fallbackLink: home });
        const payload = personal ? d.slack : addressedTo(d.slack, user.name);
        const idempotencyKey = keyOf(chosen.map((e) => e.id), sub.id);
        const delivery = await tx.webhookDelivery.upsert({ where: { idempotencyKey }, create: { subscriptionId: sub.id, idempotencyKey, payload }, update: {}, select: { id: true } });
        await enqueue(tx, 'webhook-deliver', { deliveryId: delivery.id }, { jobKey: `webhook-deliver:${delivery.id}`, maxAttempts: WEBHOOK_MAX_ATTEMPTS });
        deliveries.push(delivery.id);
      }
      return { events: rows.length, notification, deliveries };
    },
    { timeout: 60_000 },
  );
}
