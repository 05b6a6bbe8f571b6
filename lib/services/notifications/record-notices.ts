/**
 * Records changes worth telling users about, inside the caller's transaction, and queues one
 * `notify-digest` job per recipient. The job key is per user and keeps the first run time, so a burst of
 * changes (a bulk assignment of hundreds of shots, or a producer clicking through a list) waits a few
 * seconds and then leaves as one message per person instead of one per change.
 */
import type { Prisma } from '@/lib/db/generated/client';
import type { Tx } from '@/lib/db/client';
import type { TNotificationKind } from '@/lib/domain/notifications/prefs';
import { enqueue } from '@/lib/jobs';

export type TNotice = {
  userId: string;
  kind: TNotificationKind;
  title: string;
  link?: string | null;
  data?: Prisma.InputJsonValue;
  /** the same signal seen twice (a rescanned version) is recorded once */
  dedupeKey?: string;
};

/** How long the first change of a burst waits for the others. */
export const DIGEST_WINDOW_SECONDS = 5;

export const digestJobKey = (userId: string) => `notify-digest:${userId}`;

export async function recordNotices(tx: Tx, notices: readonly TNotice[], now = new Date()): Promise<number> {
  if (notices.length === 0) return 0;
  const { count } = await tx.notificationEvent.createMany({
    data: notices.map((n) => ({ userId: n.userId, kind: n.kind, title: n.title, link: n.link ?? null, data: n.data ?? {}, dedupeKey: n.dedupeKey ?? null })),
    skipDuplicates: true,
  });
  const runAt = new Date(now.getTime() + DIGEST_WINDOW_SECONDS * 1000);
  for (const userId of new Set(notices.map((n) => n.userId))) {
    await enqueue(tx, 'notify-digest', { userId }, { jobKey: digestJobKey(userId), jobKeyMode: 'preserve_run_at', runAt, maxAttempts: 5 });
  }
  return count;
}
