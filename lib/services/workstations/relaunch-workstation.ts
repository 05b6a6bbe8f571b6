/**
 * Gives a lost workstation a new instance (or a failing launch a fresh start). The row keeps its name, artist and history; its launch
 * generation goes up, which gives it a new ClientToken: the only honest way to ask EC2 for a second
 * instance for the same workstation (the old token would keep answering with the vanished one).
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { findWorkstationForRelaunch, insertEvents, startNewGeneration } from '@/lib/db/workstations';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { clientTokenFor } from '@/lib/domain/workstations/client-token';
import { AppError } from '@/lib/errors';
import { audit } from '../audit';
import { publishChange } from '../live/publish-change';
import { requestReconcile } from './request-reconcile';

export const ZRelaunch = z.object({ id: z.string().min(1) });

export async function relaunchWorkstation(actor: Actor, input: z.infer<typeof ZRelaunch>): Promise<{ id: string; generation: number }> {
  requireRole(actor, 'admin');
  const { id } = ZRelaunch.parse(input);
  const row = await findWorkstationForRelaunch(id);
  if (!row) throw new AppError('NOT_FOUND', 'That workstation does not exist.');
  if (row.desiredState === 'terminated') throw new AppError('CONFLICT', `${row.name} is terminated; launch a new workstation instead.`);
  // Also for a launch EC2 keeps refusing (e.g. its profile changed after the first attempt): a new token
  // lets it go out with the current settings. A row that has an instance is never relaunched.
  const stuck = !row.instanceId && row.lastErrorCode !== null;
  if (!row.lost && !stuck) throw new AppError('CONFLICT', `${row.name} still has its instance; relaunch is only for a workstation whose instance was lost or whose launch keeps failing.`);
  const generation = row.launchGeneration + 1;
  const token = clientTokenFor(row.id, generation);
  return db().$transaction(async (tx) => {
    if (!(await startNewGeneration(row.id, token, generation, tx))) throw new AppError('CONFLICT', `${row.name} was just relaunched by someone else.`);
    await insertEvents([{ workstationId: row.id, kind: 'requested', state: 'running', message: `Relaunch requested (launch generation ${generation}; lost instance ${row.instanceId ?? 'unknown'}).`, actorId: actor.kind === 'user' ? actor.userId : null }], tx);
    await audit(tx, actor, 'workstation.relaunch', { type: 'workstation', id: row.id }, `Relaunched ${row.name} (generation ${generation})`, { clientToken: token, lostInstanceId: row.instanceId });
    await requestReconcile(tx, row.siteId, 'relaunch');
    await publishChange(tx, { topic: 'workstations', id: row.id });
    return { id: row.id, generation };
  });
}
