/**
 * The three entry points of the web app, each checked on the server: pages, server actions and route
 * handlers. Each resolves the actor from the session, checks the role, and (for actions and routes)
 * validates the input with zod before calling exactly one service.
 */
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { env } from '@/lib/env';
import { getActor } from '@/lib/services/auth/get-actor';
import { hasRole, type Role } from '@/lib/domain/auth/actor';
import { createGuards } from './guard-core';
import { sessionUserId } from './session-user';

export type UserActor = NonNullable<Awaited<ReturnType<typeof getActor>>>;

/**
 * Once per request: the console layout and the page both guard themselves, and each used to decode the
 * session and read the user again. React's cache() scopes the answer to one server render (it is still
 * read fresh from the database for every request).
 */
export const currentActor = cache(async (): Promise<UserActor | null> => {
  const userId = await sessionUserId((await headers()).get('cookie'), env());
  return getActor(userId);
});

/** For pages: no session → the sign-in page; the wrong role → the 403 page. */
export async function requirePage(...roles: Role[]): Promise<UserActor> {
  const actor = await currentActor();
  if (!actor) redirect('/sign-in');
  if (roles.length > 0 && !hasRole(actor, ...roles)) forbidden();
  return actor;
}

const guards = createGuards(currentActor);

/** Wraps a server action: session → role → zod → one service call. Never throws to the client. */
export const action = guards.action;
/** Wraps a route handler: the same checks, answering JSON with the status of the error's code. */
export const route = guards.route;
