/** What every route handler gets, and helpers for the replies most of them make. */
import type { IncomingMessage } from 'node:http';
import type { Anvil } from './anvil';
import { Router, type Reply } from './http';
import { applyList } from './list';
import type { UserAccount } from './model';
import { taskView } from './shapes-share';
import type { TaskEntity } from './tasks';
import type { World } from './world';

export interface Ctx {
  world: World;
  anvil: Anvil;
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  user?: UserAccount;
}

export type AnvilRouter = Router<Ctx>;

export const listReply = <T extends object>(ctx: Ctx, rows: T[]): Reply => ({ body: applyList(rows, ctx.query) });

/** 202 with an absolute Location, plus the TaskView for clients that read the body instead. */
export function accepted(ctx: Ctx, task: TaskEntity): Reply {
  return { status: 202, headers: { Location: `${ctx.anvil.apiUrl}/tasks/${task.uuid}` }, body: taskView(task) };
}

export function param(ctx: Ctx, name: string): string {
  return ctx.params[name] ?? '';
}
