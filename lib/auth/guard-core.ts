/**
 * The checks behind server actions and route handlers, independent of how the actor is resolved (the
 * session in the web app; tests pass their own resolver).
 */
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { hasRole, type Actor, type Role } from '@/lib/domain/auth/actor';
import { AppError, fieldErrorsFrom, toActionError, type ActionResult } from '@/lib/errors';
import { logger } from '@/lib/logger';

type RouteContext = { params: Promise<Record<string, string>> };

function authorize(actor: Actor | null, roles: Role[]): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Your session has ended. Sign in again.');
  if (roles.length > 0 && !hasRole(actor, ...roles)) throw new AppError('FORBIDDEN', `This needs the ${roles.join(' or ')} role.`);
  return actor;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION', 'Some fields need attention.', { fieldErrors: fieldErrorsFrom(parsed.error.issues) });
  return parsed.data;
}

function logFailure(kind: string, err: unknown) {
  if (!(err instanceof AppError) || err.status >= 500) logger.error({ err }, `${kind} failed`);
}

export function createGuards(resolveActor: () => Promise<Actor | null>) {
  return {
    action<S extends z.ZodType, T>(roles: Role[], schema: S, fn: (actor: Actor, input: z.infer<S>) => Promise<T>) {
      return async (input: unknown): Promise<ActionResult<T>> => {
        try {
          const actor = authorize(await resolveActor(), roles);
          return { ok: true, data: await fn(actor, parseInput(schema, input)) };
        } catch (err) {
          logFailure('action', err);
          return { ok: false, error: toActionError(err) };
        }
      };
    },
    route<T>(roles: Role[], fn: (actor: Actor, req: Request, ctx: RouteContext) => Promise<T | Response>) {
      return async (req: Request, ctx: RouteContext): Promise<Response> => {
        try {
          const actor = authorize(await resolveActor(), roles);
          const result = await fn(actor, req, ctx);
          return result instanceof Response ? result : NextResponse.json(result);
        } catch (err) {
          logFailure('route', err);
          return NextResponse.json({ error: toActionError(err) }, { status: err instanceof AppError ? err.status : 500 });
        }
      };
    },
  };
}
