/** Activity: task polling and lifecycle controls, events, and the replication-latency report. */
import { accepted, listReply, param, type AnvilRouter, type Ctx } from './context';
import { invalid, notFound } from './errors';
import { asRecord, str } from './http';
import { eventView, taskView } from './shapes-share';
import { isTerminal, type TaskEntity } from './tasks';

function taskOf(ctx: Ctx): TaskEntity {
  const id = param(ctx, 'id');
  const t = ctx.anvil.tasks.tasks.find((x) => x.uuid === id);
  if (!t) throw notFound('Task', id);
  return t;
}

export function registerTaskRoutes(r: AnvilRouter): void {
  r.get('/tasks', (ctx) => listReply(ctx, ctx.anvil.tasks.tasks.map(taskView)));
  r.get('/tasks/:id', (ctx) => ({ body: taskView(taskOf(ctx)) }));

  r.put('/tasks/:id', (ctx) => {
    const t = taskOf(ctx);
    const status = str(asRecord(ctx.body).status)?.toUpperCase();
    if (status === 'CANCELLED' || status === 'CANCELLING') return { body: taskView(ctx.anvil.tasks.cancel(t)) };
    if (status === 'RESUMED' || status === 'QUEUED' || status === 'EXECUTING') return accepted(ctx, ctx.anvil.tasks.resume(t));
    throw invalid('status must be RESUMED (resume or retry) or CANCELLED', ['status']);
  });
  r.post('/tasks/:id/cancel', (ctx) => ({ body: taskView(ctx.anvil.tasks.cancel(taskOf(ctx))) }));

  r.post('/tasks/cancel-active', (ctx) => {
    const name = ctx.query.get('taskName');
    const id = ctx.query.get('identifier');
    const hits = ctx.anvil.tasks.tasks.filter(
      (t) => !isTerminal(t.status) && (!name || t.name === name) && (!id || t.paramsMap.name === id || t.uuid === id),
    );
    for (const t of hits) ctx.anvil.tasks.cancel(t);
    return { body: hits.map(taskView) };
  });
}

const DAY_MS = 86_400_000;

export function registerEventRoutes(r: AnvilRouter): void {
  r.get('/events', (ctx) => listReply(ctx, [...ctx.anvil.events.items].reverse().map(eventView)));
  r.get('/events/summary', (ctx) => {
    const groupBy = ctx.query.get('groupBy') ?? 'type';
    const counts = new Map<string, number>();
    for (const e of ctx.anvil.events.items) {
      const key = String((eventView(e) as Record<string, unknown>)[groupBy] ?? '');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return { body: [...counts].map(([key, count]) => ({ [groupBy]: key, count })) };
  });
  r.put('/events/clear', (ctx) => {
    for (const e of ctx.anvil.events.items) ctx.anvil.events.clear(e, 'USER');
    return { body: {} };
  });
  r.get('/events/:id', (ctx) => {
    const e = ctx.anvil.events.items.find((x) => x.uuid === param(ctx, 'id'));
    if (!e) throw notFound('Event', param(ctx, 'id'));
    return { body: eventView(e) };
  });

  r.get('/reports/replication/share-latencies/:uuid', (ctx) => {
    const { world, anvil } = ctx;
    const id = param(ctx, 'uuid');
    const share = anvil.shares.find((s) => s.uuid === id || s.logicalUuid === id || s.name === id);
    if (!share) throw notFound('Share', id);
    const L = world.federation.get(share.logicalUuid);
    const now = anvil.now();
    const end = Number(ctx.query.get('endMillis') ?? now);
    const start = Number(ctx.query.get('startMillis') ?? end - Number(ctx.query.get('precedingDurationMillis') ?? DAY_MS));
    const only = ctx.query.get('participantId');
    const series = [];
    for (const m of L?.members.values() ?? []) {
      if (m.region === anvil.region || (only && String(m.participantId) !== only) || !L) continue;
      const live = world.liveness.latency(anvil, L, m.region);
      const points = [...world.liveness.points(anvil.region, share.uuid, m.participantId), [live.timestamp, live.sendLatencySecs, live.receiveLatencySecs]];
      series.push({
        name: 'share_latency',
        tags: { shareUuid: share.uuid, shareName: share.name, participantId: String(m.participantId), siteName: world.anvils.get(m.region)?.name ?? m.region },
        columns: ['time', 'sendLatencySecs', 'receiveLatencySecs'],
        points: points.filter((p) => (p[0] as number) >= start && (p[0] as number) <= end),
      });
    }
    return { body: series };
  });
}
