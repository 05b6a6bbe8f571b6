/**
 * Marks the signed-in user's notifications read: the given ones, or all of them. Another user's ids are
 * silently ignored (the filter is on the owner), so nobody can learn or touch someone else's bell. Reading
 * is not a change of studio state, so it writes no audit row.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import type { Actor } from '@/lib/domain/auth/actor';
import { AppError } from '@/lib/errors';
import { publishChange } from '../live/publish-change';
import { parseInput } from '../assignments/parse-input';

export const ZMarkRead = z.object({ ids: z.array(z.string().min(1)).max(200).optional(), all: z.boolean().optional() });

export async function markNotificationsRead(actor: Actor, input: z.input<typeof ZMarkRead>): Promise<{ marked: number }> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN', 'Only a signed-in user has notifications.');
  const { ids, all } = parseInput(ZMarkRead, input);
  if (!all && !ids?.length) return { marked: 0 };
  return db().$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { userId: actor.userId, readAt: null, ...(all ? {} : { id: { in: ids } }) },
      data: { readAt: new Date() },
    });
    if (count) await publishChange(tx, { topic: 'notifications' });
    return { marked: count };
  });
}
