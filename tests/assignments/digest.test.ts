/**
 * A bulk change of hundreds of shots costs each artist one message, not hundreds: 300 shots assigned in
 * three bulk actions and 50 of them reassigned queue one digest job per artist, which leave as one bell
 * notification and one webhook message per artist and per receiver.
 */
import { Logger, runOnce } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignShots } from '@/lib/services/assignments/assign-shots';
import { createWebhook } from '@/lib/services/notifications/create-webhook';
import { buildTaskList } from '@/workers/tasks';
import { setupTestDatabase } from '../helpers/db';
import { startReceiver, type Receiver } from './support/receiver';
import { addShots, admin, ana, ben, chloe, producer, queuedJobs, seedStudio, userId } from './support/studio';

const t = setupTestDatabase();
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver([200]);
});
afterAll(async () => receiver?.close());

async function runWorkers() {
  await t.db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;
  const all = buildTaskList();
  await runOnce({ connectionString: t.url, concurrency: 4, noHandleSignals: true, logger: new Logger(() => () => undefined) }, { 'notify-digest': all['notify-digest']!, 'webhook-deliver': all['webhook-deliver']! });
}

describe('digests', () => {
  it('sends one message per artist for 300 shots assigned in bulk', { timeout: 120_000 }, async () => {
    const studio = await seedStudio(t.db);
    for (const a of [ana, ben, chloe]) await createWebhook(admin, { url: `${receiver.url}/${userId(a)}`, userId: userId(a) });
    await createWebhook(admin, { url: `${receiver.url}/production`, events: ['assigned', 'reassigned'] });
    const shots = await addShots(t.db, studio, 300);
    const ids = shots.map((s) => s.id);
    await assignShots(producer, { shotIds: ids.slice(0, 100), artistId: userId(ana), dueDate: '2026-12-18', preStage: true });
    await assignShots(producer, { shotIds: ids.slice(100, 200), artistId: userId(ben), preStage: true });
    await assignShots(producer, { shotIds: ids.slice(200, 300), artistId: userId(chloe), preStage: true });
    await assignShots(producer, { shotIds: ids.slice(0, 50), artistId: userId(ben), preStage: true });

    expect(await t.db.assignment.count({ where: { active: true } })).toBe(300);
    expect(await t.db.notificationEvent.count()).toBe(400);
    const jobs = await queuedJobs(t.db, 'notify-digest');
    expect(jobs.map((j) => j.key).sort()).toEqual([ana, ben, chloe].map((a) => `notify-digest:${userId(a)}`).sort());

    await runWorkers();

    const bell = await t.db.notification.findMany({ orderBy: { userId: 'asc' }, select: { userId: true, title: true, kind: true, link: true } });
    expect(bell).toEqual(
      [
        { userId: userId(ana), title: '100 shots assigned to you · 50 shots reassigned', kind: 'digest', link: '/me' },
        { userId: userId(ben), title: '150 shots assigned to you', kind: 'digest', link: '/me' },
        { userId: userId(chloe), title: '100 shots assigned to you', kind: 'digest', link: '/me' },
      ].sort((a, b) => a.userId.localeCompare(b.userId)),
    );
    expect(await t.db.notificationEvent.count({ where: { sentAt: null } })).toBe(0);

    const byPath = new Map<string, number>();
    for (const r of receiver.accepted()) byPath.set(r.path, (byPath.get(r.path) ?? 0) + 1);
    expect(Object.fromEntries(byPath)).toEqual({
      [`/hooks/studio/${userId(ana)}`]: 1,
      [`/hooks/studio/${userId(ben)}`]: 1,
      [`/hooks/studio/${userId(chloe)}`]: 1,
      '/hooks/studio/production': 3,
    });
    const production = receiver.accepted().filter((r) => r.path === '/hooks/studio/production').map((r) => (JSON.parse(r.body) as { text: string }).text.split('\n')[0]).sort();
    expect(production).toEqual(['For Ana Artist: 100 shots assigned to you · 50 shots reassigned', 'For Ben Artist: 150 shots assigned to you', 'For Chloe Artist: 100 shots assigned to you']);
    for (const r of receiver.requests) expect(r.body.length).toBeLessThan(4000);

    // A second pass finds nothing left to say.
    await runWorkers();
    expect(await t.db.notification.count()).toBe(3);
    expect(receiver.requests).toHaveLength(6);
  });
});
