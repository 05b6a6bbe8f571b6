/** Marks the signed-in user's notifications read: `{ ids }` or `{ all: true }`. Others' ids are ignored. */
import { route } from '@/lib/auth/guards';
import { parseInput } from '@/lib/auth/guard-core';
import { AppError } from '@/lib/errors';
import { markNotificationsRead, ZMarkRead } from '@/lib/services/notifications/mark-notifications-read';

export const POST = route([], async (actor, req) => {
  const body: unknown = await req.json().catch(() => {
    throw new AppError('BAD_REQUEST', 'Send a JSON body such as {"all": true}.');
  });
  return markNotificationsRead(actor, parseInput(ZMarkRead, body));
});
