/**
 * A workers process killed mid-job must not hold that job for graphile-worker's 4 hours. Each process
 * beats with its job slots' lock ids; once one is silent past WORKER_DEAD_AFTER_SECONDS, the next beat of
 * a live process frees its jobs (audited) and they run again. First the janitor on its own, then the
 * whole thing with real processes: a webhook delivery whose worker is SIGKILLed while the receiver is
 * still answering is delivered by the next process within seconds; one whose worker is paused (SIGSTOP,
 * as a suspended VM) is taken over the same way, and the paused process exits when it wakes instead of
 * finishing a job that is no longer its own.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { getOverview } from '@/lib/services/overview/get-overview';
import { createWebhook } from '@/lib/services/notifications/create-webhook';
import { sendTestWebhook } from '@/lib/services/notifications/send-test-webhook';
import { DIED, releaseDeadWorkerLocks } from '@/lib/services/workers/release-dead-worker-locks';
import { recordHeartbeat } from '@/lib/services/workers/record-heartbeat';
import { enqueue } from '@/lib/jobs';
import { setupTestDatabase } from '../helpers/db';
import { FAST_LIVENESS, killWorker, startWorker, type WorkerProcess } from '../helpers/worker-process';
import { admin, auditOf, seedStudio } from '../assignments/support/studio';

const t = setupTestDatabase();
const workers: WorkerProcess[] = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => killWorker(w)));
});

type LockRow = { key: string | null; locked_by: string | null };
const locks = () => t.db.$queryRaw<LockRow[]>`SELECT key, locked_by FROM graphile_worker.jobs ORDER BY key`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function lockJob(key: string, lockId: string) {
  await t.db.$transaction((tx) => enqueue(tx, 'workstations:idle-check', {}, { jobKey: key }));
  await t.db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_at = now() - interval '10 minutes', locked_by = ${lockId} WHERE key = ${key}`;
}

/** A workers process that beats every second and takes a peer silent for 4 s for dead. */
function worker(): WorkerProcess {
  const w = startWorker({ databaseUrl: t.url, concurrency: 1, extra: FAST_LIVENESS });
  workers.push(w);
  return w;
}

/**
 * A test webhook delivery under way in a fresh workers process (`first`): the receiver holds the first
 * request open, as a slow receiver would, and accepts the next one. `seen` has each request's time.
 */
async function withDeliveryUnderWay(hookPath: string, body: (d: { first: WorkerProcess; deliveryId: string; seen: number[] }) => Promise<void>) {
  await t.db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
  const seen: number[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    seen.push(Date.now());
    if (seen.length > 1) res.writeHead(200).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { id } = await createWebhook(admin, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${hookPath}` });
    const first = worker();
    await first.ready;
    const { deliveryId } = await sendTestWebhook(admin, { id });
    for (const until = Date.now() + 20_000; seen.length === 0 && Date.now() < until;) await sleep(50);
    expect(seen).toHaveLength(1);
    await body({ first, deliveryId, seen });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Waits for the delivery to be delivered by another process: a second request, answered 200. */
async function expectDeliveredOnce(deliveryId: string, seen: number[]) {
  for (const until = Date.now() + 30_000; Date.now() < until;) {
    if ((await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).status === 'delivered') break;
    await sleep(200);
  }
  expect(await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: 'delivered', lastStatus: 200 });
  expect(seen).toHaveLength(2);
}

describe('jobs of a dead workers process', () => {
  it('frees the jobs of a process silent past the threshold, audits it once, and leaves live processes alone', async () => {
    const now = new Date();
    const host = { hostname: 'render-node-7', startedAt: new Date(now.getTime() - 3600_000) };
    await recordHeartbeat({ id: 'dead', pid: 4101, ...host }, ['slot-dead-1', 'slot-dead-2'], new Date(now.getTime() - 300_000));
    await recordHeartbeat({ id: 'idle-dead', pid: 4102, ...host }, ['slot-idle'], new Date(now.getTime() - 300_000));
    await recordHeartbeat({ id: 'alive', pid: 4103, ...host }, ['slot-alive'], new Date(now.getTime() - 5_000));
    await lockJob('a', 'slot-dead-1');
    await lockJob('b', 'slot-dead-2');
    await lockJob('c', 'slot-alive');
    // `b` was taken on its last attempt: freed, it will not run again, and its error says why.
    await t.db.$executeRaw`UPDATE graphile_worker._private_jobs SET attempts = max_attempts WHERE key = 'b'`;

    const released = await releaseDeadWorkerLocks({ now, deadAfterSeconds: 120 });
    expect(released.map((r) => [r.workerId, r.jobs])).toEqual([['dead', 2], ['idle-dead', 0]]);
    expect(await locks()).toEqual([{ key: 'a', locked_by: null }, { key: 'b', locked_by: null }, { key: 'c', locked_by: 'slot-alive' }]);
    const rows = await t.db.workerHeartbeat.findMany({ orderBy: { workerId: 'asc' } });
    expect(rows.map((r) => [r.workerId, r.lockIds, r.declaredDeadAt?.getTime() ?? null])).toEqual([['alive', ['slot-alive'], null], ['dead', [], now.getTime()], ['idle-dead', [], now.getTime()]]);

    // One audit row, for the process that held work; a second pass finds nothing to do.
    const trail = await auditOf(t.db, 'workers.locks_released');
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ actorLabel: 'system:workers', entityType: 'worker', entityId: 'dead' });
    expect(trail[0]!.summary).toMatch(/^Freed 2 jobs \(workstations:idle-check\) held by workers process 4101 on render-node-7, silent since .*; 1 of them had no attempt left and will not run again$/);
    const errors = await t.db.$queryRaw<Array<{ key: string; last_error: string | null }>>`SELECT key, last_error FROM graphile_worker.jobs WHERE key IN ('a', 'b', 'c') ORDER BY key`;
    expect(errors.map((e) => [e.key, e.last_error?.startsWith(`${DIED} (pid 4101 on render-node-7`) ?? false])).toEqual([['a', true], ['b', true], ['c', false]]);
    expect(await releaseDeadWorkerLocks({ now, deadAfterSeconds: 120 })).toEqual([]);
    // A process declared dead that beats again is told so, and its beat is not recorded.
    expect(await recordHeartbeat({ id: 'dead', pid: 4101, ...host }, ['slot-dead-1'])).toBe('declared-dead');
    expect(await recordHeartbeat({ id: 'alive', pid: 4103, ...host }, ['slot-alive'])).toBe('alive');
    expect((await t.db.workerHeartbeat.findUniqueOrThrow({ where: { workerId: 'dead' } })).lockIds).toEqual([]);
  });

  it('the Overview counts the processes still beating, not the rows of dead ones', async () => {
    const o = await getOverview(admin);
    expect(o.workers.count).toBe(1);
    expect(o.workers.lastBeatAt).toBe((await t.db.workerHeartbeat.findUniqueOrThrow({ where: { workerId: 'alive' } })).beatAt.toISOString());
  });

  it('a delivery whose worker was SIGKILLed mid-request is delivered by the next process within seconds', { timeout: 90_000 }, async () => {
    await seedStudio(t.db);
    await withDeliveryUnderWay('/hooks/killed', async ({ first, deliveryId, seen }) => {
      await killWorker(first);
      const held = (await locks()).filter((l) => l.locked_by);
      expect(held).toHaveLength(1); // the delivery, locked by the process that is gone
      const killedAt = Date.now();
      const next = worker();
      await next.ready;
      await expectDeliveredOnce(deliveryId, seen);
      const trail = await auditOf(t.db, 'workers.locks_released');
      expect(trail.at(-1)!.summary).toMatch(/^Freed 1 job \(webhook-deliver\) held by workers process \d+/);
      console.log(JSON.stringify({ killedToRedeliveredMs: seen[1]! - killedAt }));
      await killWorker(next, 'SIGTERM');
    });
  });

  it('a process paused past the threshold finds its jobs handed on when it wakes, and exits instead of finishing them', { timeout: 90_000 }, async () => {
    await withDeliveryUnderWay('/hooks/paused', async ({ first: paused, deliveryId, seen }) => {
      // A paused VM: the process holds the delivery and says nothing.
      paused.child.kill('SIGSTOP');
      const peer = worker();
      await peer.ready;
      await expectDeliveredOnce(deliveryId, seen); // the peer took the delivery over
      paused.child.kill('SIGCONT');
      expect(await paused.exited).toBe(1);
      expect(paused.log()).toContain('was declared dead by a peer');
      expect(seen).toHaveLength(2);
      await killWorker(peer, 'SIGTERM');
    });
  });
});
