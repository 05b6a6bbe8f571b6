/**
 * For the Shot Publish scanner: call inside the transaction that records new versions. The artist holding
 * the shot and the producer who assigned it each hear of it (in their next digest); the board and the
 * artist's page refresh live. A version seen again by a later scan is not announced twice (dedupe key).
 */
import type { Tx } from '@/lib/db/client';
import { publishChange } from '../live/publish-change';
import { recordNotices, type TNotice } from '../notifications/record-notices';

export type TNewVersion = { shotId: string; versionId: string; name: string };

export async function notifyNewVersions(tx: Tx, versions: readonly TNewVersion[]): Promise<number> {
  if (versions.length === 0) return 0;
  const active = await tx.assignment.findMany({
    where: { shotId: { in: [...new Set(versions.map((v) => v.shotId))] }, active: true },
    select: { id: true, shotId: true, artistId: true, createdById: true, shot: { select: { name: true, sequence: { select: { name: true } } } } },
  });
  const byShot = new Map(active.map((a) => [a.shotId, a]));
  const notices: TNotice[] = [];
  for (const v of versions) {
    const a = byShot.get(v.shotId);
    if (!a) continue;
    const title = `New version ${v.name} of ${a.shot.name} (${a.shot.sequence.name})`;
    const data = { shotId: v.shotId, versionId: v.versionId, assignmentId: a.id };
    notices.push({ userId: a.artistId, kind: 'version', title, link: `/me/shots/${a.id}`, data, dedupeKey: `version:${v.versionId}:${a.artistId}` });
    if (a.createdById && a.createdById !== a.artistId) {
      notices.push({ userId: a.createdById, kind: 'version', title, link: '/shots/board', data, dedupeKey: `version:${v.versionId}:${a.createdById}` });
    }
  }
  const recorded = await recordNotices(tx, notices);
  await publishChange(tx, { topic: 'shots' });
  await publishChange(tx, { topic: 'assignments' });
  return recorded;
}
