/**
 * The shared core of start, stop and terminate: authorize every row, check the rules, write the new
 * intent with an event and an audit row per workstation, and pull each affected site's reconcile to now.
 * Admins may act on any workstation; an artist only on their own, and only where the site allows it.
 * A workstation an artist does not own is reported as not found, so its existence is not revealed.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { findWorkstationsByIds, insertEvents, setDesiredState } from '@/lib/db/workstations';
import { hasRole, requireRole, type Actor } from '@/lib/domain/auth/actor';
import { confirmsTermination, desiredFor, refusalFor, terminateConfirmation, type RequestVerb } from '@/lib/domain/workstations/requests';
import { AppError } from '@/lib/errors';
import { audit } from '../audit';
import { publishChange } from '../live/publish-change';
import { requestReconcileMany } from './request-reconcile';

export const ZWorkstationIds = z.object({
  // A site drain stops every machine of a site at once: large studios have a thousand per region.
  ids: z.array(z.string().min(1)).min(1, 'Choose at least one workstation').max(5000),
  confirm: z.string().optional(),
});
export type TWorkstationIds = z.infer<typeof ZWorkstationIds>;
export type ChangeResult = { changed: string[]; unchanged: string[] };

const PAST: Record<RequestVerb, string> = { start: 'Start', stop: 'Stop', terminate: 'Termination' };

export async function changeDesiredState(actor: Actor, verb: RequestVerb, input: TWorkstationIds): Promise<ChangeResult> {
  requireRole(actor, ...(verb === 'terminate' ? (['admin'] as const) : (['admin', 'artist'] as const)));
  const { ids, confirm } = ZWorkstationIds.parse(input);
  const unique = [...new Set(ids)];
  const rows = await findWorkstationsByIds(unique);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const isAdmin = hasRole(actor, 'admin');
  for (const id of unique) {
    const row = byId.get(id);
    if (!row || (!isAdmin && (actor.kind !== 'user' || row.artistId !== actor.userId))) throw new AppError('NOT_FOUND', 'That workstation does not exist.');
    if (!isAdmin && !row.site.artistsMayStartStop) throw new AppError('FORBIDDEN', 'Your site does not let artists start or stop their machines; ask an admin.');
    const refusal = refusalFor(verb, row);
    if (refusal) throw new AppError('CONFLICT', refusal);
  }
  if (verb === 'terminate') {
    const names = unique.map((id) => byId.get(id)!.name);
    if (!confirmsTermination(names, confirm ?? '')) {
      throw new AppError('VALIDATION', `Type “${terminateConfirmation(names)}” to confirm.`, { fieldErrors: { confirm: [`Type “${terminateConfirmation(names)}” to confirm`] } });
    }
  }

  const desired = desiredFor(verb);
  return db().$transaction(async (tx) => {
    const changed = await setDesiredState(unique, desired, tx);
    const actorId = actor.kind === 'user' ? actor.userId : null;
    await insertEvents(changed.map((id) => ({ workstationId: id, kind: 'requested', state: desired, message: `${PAST[verb]} requested.`, actorId })), tx);
    for (const id of changed) {
      const row = byId.get(id)!;
      await audit(tx, actor, `workstation.${verb}`, { type: 'workstation', id }, `${PAST[verb]} of ${row.name} requested`);
    }
    await requestReconcileMany(tx, changed.map((id) => byId.get(id)!.siteId), verb);
    if (changed.length) await publishChange(tx, { topic: 'workstations' });
    return { changed, unchanged: unique.filter((id) => !changed.includes(id)) };
  });
}
