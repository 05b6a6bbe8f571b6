/** Task polling and the lifecycle controls (PUT to resume or cancel, cancel-active). */
import { accepted, listReply, param, type AnvilRouter, type Ctx } from './context';
import { invalid, notFound } from './errors';
import { asRecord, str } from './http';
import { taskView } from './shapes-share';
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
