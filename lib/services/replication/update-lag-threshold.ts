/** Sets the lag (seconds) at which a share raises a replication alert. */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { AppError } from '@/lib/errors';
import { audit } from '@/lib/services/audit';
import { parseInput } from '@/lib/services/hammerspace/parse-input';
import { publishChange } from '@/lib/services/live/publish-change';

export const ZUpdateLagThreshold = z.object({
  shareId: z.string().min(1),
  seconds: z.coerce.number().int('Use whole seconds.').min(5, 'At least 5 seconds: the collector runs every 15 s.').max(86_400, 'At most a day.'),
});

export async function updateLagThreshold(actor: Actor, raw: z.input<typeof ZUpdateLagThreshold>) {
  requireRole(actor, 'admin');
  const input = parseInput(ZUpdateLagThreshold, raw);
  return db().$transaction(async (tx) => {
    const share = await tx.share.findUnique({ where: { id: input.shareId }, select: { id: true, name: true, lagAlertSeconds: true } });
    if (!share) throw new AppError('NOT_FOUND', 'That share no longer exists.');
    if (share.lagAlertSeconds === input.seconds) return { shareId: share.id, seconds: input.seconds, changed: false };
    await tx.share.update({ where: { id: share.id }, data: { lagAlertSeconds: input.seconds } });
    await audit(tx, actor, 'share.lag_threshold', { type: 'share', id: share.id }, `Lag alert threshold of ${share.name}: ${share.lagAlertSeconds} s → ${input.seconds} s`, { before: share.lagAlertSeconds, after: input.seconds });
    await publishChange(tx, { topic: 'replication', id: share.id });
    return { shareId: share.id, seconds: input.seconds, changed: true };
  });
}
