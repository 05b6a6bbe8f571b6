/**
 * Takes shots back from whoever holds them: the assignment ends (kept, inactive, for history), its artist
 * is told, and each shot gets an audit row. Destructive for the artist's plans, so the caller must say it
 * confirmed. A pre-stage made for the shot stays: data already local costs nothing to leave, and the next
 * assignment may well go to the same site.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { actorId, requireRole, type Actor } from '@/lib/domain/auth/actor';
import { AppError } from '@/lib/errors';
import { audit } from '../audit';
import { publishChange } from '../live/publish-change';
import { recordNotices } from '../notifications/record-notices';
import { parseInput } from './parse-input';

export const ZUnassignShots = z.object({
  shotIds: z.array(z.string().min(1)).min(1, 'Choose at least one shot.').max(1000),
  confirmed: z.literal(true, { error: 'Confirm that these shots should be taken back.' }),
});
export type TUnassignShotsInput = z.input<typeof ZUnassignShots>;

export async function unassignShots(actor: Actor, input: TUnassignShotsInput): Promise<{ unassigned: number }> {
  requireRole(actor, 'admin', 'producer');
  const { shotIds } = parseInput(ZUnassignShots, input);
  return db().$transaction(
    async (tx) => {
      const rows = await tx.assignment.findMany({
        where: { shotId: { in: [...new Set(shotIds)] }, active: true },
        select: { id: true, artistId: true, artist: { select: { name: true } }, shot: { select: { id: true, name: true, sequence: { select: { name: true } } } } },
      });
      if (rows.length === 0) throw new AppError('CONFLICT', 'None of these shots is assigned.');
      const { count } = await tx.assignment.updateMany({ where: { id: { in: rows.map((r) => r.id) }, active: true }, data: { active: false } });
      if (count !== rows.length) throw new AppError('CONFLICT', 'Some of these shots changed hands meanwhile; reload the board and try again.');
      for (const r of rows) {
        await audit(tx, actor, 'assignment.unassign', { type: 'assignment', id: r.id }, `Took ${r.shot.name} back from ${r.artist.name}`, { shotId: r.shot.id, artistId: r.artistId });
      }
      await recordNotices(
        tx,
        rows
          .filter((r) => r.artistId !== actorId(actor))
          .map((r) => ({ userId: r.artistId, kind: 'reassigned' as const, title: `${r.shot.name} (${r.shot.sequence.name}) is no longer assigned to you`, link: '/me', data: { shotId: r.shot.id } })),
      );
      await publishChange(tx, { topic: 'assignments' });
      await publishChange(tx, { topic: 'shots' });
      return { unassigned: rows.length };
    },
    { timeout: 60_000 },
  );
}
