/**
 * The bell and the preference: each user reads and marks only their own notifications; a muted kind or a
 * channel turned off is respected by the digest; a new version reaches the artist and the producer once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assignShots } from '@/lib/services/assignments/assign-shots';
import { notifyNewVersions } from '@/lib/services/assignments/notify-new-versions';
import { createWebhook } from '@/lib/services/notifications/create-webhook';
import { getNotificationPrefs } from '@/lib/services/notifications/get-notification-prefs';
import { listNotifications } from '@/lib/services/notifications/list-notifications';
import { markNotificationsRead } from '@/lib/services/notifications/mark-notifications-read';
import { sendDigest } from '@/lib/services/notifications/send-digest';
import { updateNotificationPrefs } from '@/lib/services/notifications/update-notification-prefs';
import { setupTestDatabase } from '../helpers/db';
import { addShots, admin, ana, auditOf, ben, producer, seedStudio, userId, type Studio } from './support/studio';

const t = setupTestDatabase();
let studio: Studio;

beforeAll(async () => {
  studio = await seedStudio(t.db);
});

describe('the bell', () => {
  it('shows and marks only the signed-in user’s notifications', async () => {
    const [shot] = await addShots(t.db, studio, 1);
    await assignShots(producer, { shotIds: [shot!.id], artistId: userId(ana), preStage: true });
    await sendDigest(userId(ana));
    const bell = await listNotifications(ana);
    expect(bell).toMatchObject({ unread: 1, items: [{ title: 'sh0010 (sq010) assigned to you', kind: 'assigned', read: false }] });
    expect(bell.items[0]!.link).toMatch(/^\/me\/shots\//);
    expect(await listNotifications(ben)).toEqual({ unread: 0, items: [] });
    expect(await markNotificationsRead(ben, { ids: [bell.items[0]!.id] })).toEqual({ marked: 0 });
    expect((await listNotifications(ana)).unread).toBe(1);
    expect(await markNotificationsRead(ana, { all: true })).toEqual({ marked: 1 });
    expect((await listNotifications(ana)).unread).toBe(0);
  });
});

describe('notification preferences', () => {
  it('are saved (audited), and the digest follows them on each channel', async () => {
    expect(await getNotificationPrefs(ben)).toEqual({ inApp: true, webhook: true, muted: [], personalWebhooks: 0 });
    await createWebhook(admin, { url: 'http://127.0.0.1:9/ben', userId: userId(ben) });
    await createWebhook(admin, { url: 'http://127.0.0.1:9/production', events: ['status'] });
    await updateNotificationPrefs(ben, { inApp: true, webhook: false, muted: ['reassigned'] });
    expect(await getNotificationPrefs(ben)).toEqual({ inApp: true, webhook: false, muted: ['reassigned'], personalWebhooks: 1 });
    expect((await auditOf(t.db, 'notifications.prefs')).map((a) => a.summary)).toEqual(['Notifications: bell on, webhooks off, muted: reassigned']);
    await expect(updateNotificationPrefs(ben, { inApp: 'yes' as never, webhook: true, muted: [] })).rejects.toMatchObject({ code: 'VALIDATION' });

    const [shot] = await addShots(t.db, studio, 1, { start: 2 });
    await assignShots(producer, { shotIds: [shot!.id], artistId: userId(ben), preStage: true });
    const result = await sendDigest(userId(ben));
    // The bell gets it; Ben's own webhook is off; the production channel only takes status changes.
    expect(result.notification).not.toBeNull();
    expect(result.deliveries).toEqual([]);

    await updateNotificationPrefs(ben, { inApp: false, webhook: false, muted: [] });
    await assignShots(producer, { shotIds: [shot!.id], artistId: userId(ben), dueDate: '2027-02-01' });
    expect(await sendDigest(userId(ben))).toMatchObject({ events: 1, notification: null, deliveries: [] });
  });
});

describe('new versions', () => {
  it('tell the artist holding the shot and the producer who assigned it, once', async () => {
    const shot = await t.db.shot.findFirstOrThrow({ where: { name: 'sh0010' } });
    const version = await t.db.version.create({ data: { shotId: shot.id, vuid: 'v002', name: 'v002', position: 1 } });
    await t.db.$transaction((tx) => notifyNewVersions(tx, [{ shotId: shot.id, versionId: version.id, name: 'v002' }]));
    await t.db.$transaction((tx) => notifyNewVersions(tx, [{ shotId: shot.id, versionId: version.id, name: 'v002' }]));
    const events = await t.db.notificationEvent.findMany({ where: { kind: 'version' }, orderBy: { userId: 'asc' } });
    expect(events.map((e) => [e.userId, e.title, e.link?.startsWith('/me/shots/') || e.link])).toEqual(
      [[userId(ana), 'New version v002 of sh0010 (sq010)', true], [userId(producer), 'New version v002 of sh0010 (sq010)', '/shots/board']].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    await sendDigest(userId(producer));
    expect((await listNotifications(producer)).items.map((n) => n.title)).toEqual(['New version v002 of sh0010 (sq010)']);
  });
});
