/**
 * Webhook delivery against a local receiver, through graphile-worker itself (runOnce with the real task
 * list): signed over the raw body with a timestamp, retried with backoff after a 500, delivered once,
 * and never sent again once delivered. Permanent refusals stop at once.
 */
import { Logger, runOnce } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignShots } from '@/lib/services/assignments/assign-shots';
import { createWebhook } from '@/lib/services/notifications/create-webhook';
import { deliverWebhook } from '@/lib/services/notifications/deliver-webhook';
import { sendDigest } from '@/lib/services/notifications/send-digest';
import { sendTestWebhook } from '@/lib/services/notifications/send-test-webhook';
import { buildTaskList } from '@/workers/tasks';
import { setupTestDatabase } from '../helpers/db';
import { idempotencyKeyOf, startReceiver, type Receiver } from './support/receiver';
import { addShots, admin, ana, producer, queuedJobs, seedStudio, userId } from './support/studio';

const t = setupTestDatabase();
let receiver: Receiver;
/** The notification tasks as the workers register them (others, such as reconcilers, stay out of this run). */
const taskList = () => {
  const all = buildTaskList();
  return { 'notify-digest': all['notify-digest']!, 'webhook-deliver': all['webhook-deliver']! };
};
const quiet = new Logger(() => () => undefined);
const runJobs = () => runOnce({ connectionString: t.url, concurrency: 1, noHandleSignals: true, logger: quiet }, taskList());
/** Brings retries scheduled by the backoff forward to now, so the next runOnce takes them. */
const dueNow = () => t.db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;

beforeAll(async () => {
  receiver = await startReceiver();
  const studio = await seedStudio(t.db);
  await addShots(t.db, studio, 1);
});
afterAll(async () => receiver?.close());

describe('webhook delivery', () => {
  it('signs, retries after a 500 with backoff, and delivers exactly once', async () => {
    const { secret } = await createWebhook(admin, { url: receiver.url, userId: userId(ana) });
    expect(secret).toMatch(/^whsec_/);
    const shot = await t.db.shot.findFirstOrThrow();
    await assignShots(producer, { shotIds: [shot.id], artistId: userId(ana), preStage: true });
    const digest = await sendDigest(userId(ana));
    expect(digest.deliveries).toHaveLength(1);
    receiver.setScript([500, 200]);

    await runJobs();
    expect(receiver.requests.map((r) => r.answered)).toEqual([500]);
    const retrying = await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: digest.deliveries[0] } });
    expect([retrying.status, retrying.attempts, retrying.lastStatus, retrying.lastError]).toEqual(['retrying', 1, 500, 'HTTP 500: receiver is having a bad minute']);
    const [job] = await queuedJobs(t.db, 'webhook-deliver');
    expect(job!.attempts).toBe(1);
    expect(job!.run_at.getTime()).toBeGreaterThan(Date.now()); // graphile-worker's exponential backoff

    await dueNow();
    await runJobs();
    expect(receiver.requests.map((r) => r.answered)).toEqual([500, 200]);
    const delivered = await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: digest.deliveries[0] } });
    expect([delivered.status, delivered.attempts, delivered.lastStatus, delivered.lastError]).toEqual(['delivered', 2, 200, null]);
    expect(await queuedJobs(t.db, 'webhook-deliver')).toEqual([]);

    // Both attempts carry the same idempotency key and a valid signature over exactly the bytes sent.
    expect(new Set(receiver.requests.map(idempotencyKeyOf)).size).toBe(1);
    for (const r of receiver.requests) expect(receiver.verify(r, secret)).toEqual({ ok: true });
    expect(receiver.verify(receiver.requests[1]!, 'not-the-secret')).toEqual({ ok: false, reason: 'mismatch' });
    expect(JSON.parse(receiver.requests[1]!.body)).toEqual({
      text: expect.stringMatching(/^sh0010 \(sq010\) assigned to you\n\/me\/shots\//),
      blocks: expect.arrayContaining([{ type: 'section', text: { type: 'mrkdwn', text: '*sh0010 (sq010) assigned to you*' } }]),
    });

    // Running the job again (a duplicate, a crash after the POST) sends nothing more.
    expect(await deliverWebhook(digest.deliveries[0]!, { attempt: 3, maxAttempts: 10 })).toBe('already-delivered');
    expect(receiver.accepted()).toHaveLength(1);
  });

  it('stops at once on a refusal a retry cannot change, and on the last attempt', async () => {
    const { id } = await createWebhook(admin, { url: `${receiver.url}/gone` });
    receiver.setScript([410]);
    const { deliveryId } = await sendTestWebhook(admin, { id });
    const before = receiver.requests.length;
    await runJobs();
    expect(receiver.requests.length).toBe(before + 1);
    expect(await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: 'failed', attempts: 1, lastStatus: 410 });
    expect(await queuedJobs(t.db, 'webhook-deliver')).toEqual([]);

    receiver.setScript([503]);
    const second = await sendTestWebhook(admin, { id });
    expect(await deliverWebhook(second.deliveryId, { attempt: 10, maxAttempts: 10 })).toBe('failed');
  });

  it('records an unreachable receiver as the last error and retries', async () => {
    const { id } = await createWebhook(admin, { url: 'http://127.0.0.1:9/nothing-listens-here' });
    const { deliveryId } = await sendTestWebhook(admin, { id });
    await expect(deliverWebhook(deliveryId, { attempt: 1, maxAttempts: 10 })).rejects.toThrow(/attempt 1\/10/);
    const row = await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect([row.status, row.lastStatus]).toEqual(['retrying', null]);
    expect(row.lastError).toMatch(/^The webhook receiver could not be reached/);
  });
});
