/**
 * Adopts an orphan instance (tagged as ours, claimed by no row) as a workstation: a row is created that
 * already knows the instance id, with the instance's current state as the intent, so adopting changes
 * nothing in AWS. The row's ClientToken is marked as adopted: it was never used to launch anything.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { deleteOrphans, findOrphan } from '@/lib/db/orphans';
import { findUserById } from '@/lib/db/users';
import { createAdoptedWorkstation, insertEvents, workstationNameTaken } from '@/lib/db/workstations';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { workstationIdFrom } from '@/lib/domain/workstations/client-token';
import { AppError } from '@/lib/errors';
import { audit } from '../audit';
import { publishChange } from '../live/publish-change';
import { requestReconcile } from './request-reconcile';

export const ZAdoptOrphan = z.object({ orphanId: z.string().min(1), artistId: z.string().min(1).nullable().default(null) });

export async function adoptOrphan(actor: Actor, input: z.input<typeof ZAdoptOrphan>): Promise<{ workstationId: string; name: string }> {
  requireRole(actor, 'admin');
  const { orphanId, artistId } = ZAdoptOrphan.parse(input);
  const orphan = await findOrphan(orphanId);
  if (!orphan) throw new AppError('NOT_FOUND', 'That orphan instance is no longer listed; it may have been adopted or terminated.');
  if (orphan.state === 'shutting-down' || orphan.state === 'terminated') throw new AppError('CONFLICT', `${orphan.instanceId} is ${orphan.state}; there is nothing to adopt.`);
  if (artistId) {
    const artist = await findUserById(artistId);
    if (!artist || !artist.roles.includes('artist')) throw new AppError('VALIDATION', 'Some fields need attention.', { fieldErrors: { artistId: ['Choose an artist'] } });
  }
  const tags = (orphan.tags ?? {}) as Record<string, string>;
  const tagged = typeof tags.Name === 'string' && /^[A-Za-z0-9._-]{1,60}$/.test(tags.Name) ? tags.Name : null;
  const name = tagged && !(await workstationNameTaken(tagged)) ? tagged : `adopted-${orphan.instanceId}`;
  const id = workstationIdFrom(randomBytes(12).toString('hex'));
  const desiredState = orphan.state === 'stopped' || orphan.state === 'stopping' ? 'stopped' : 'running';
  const now = new Date();
  return db().$transaction(async (tx) => {
    await createAdoptedWorkstation({ id, siteId: orphan.siteId, name, instanceType: orphan.instanceType, instanceId: orphan.instanceId, clientToken: `${id}-adopted`, desiredState, observedState: orphan.state, artistId, now }, tx);
    await deleteOrphans([orphan.instanceId], tx);
    await insertEvents([{ workstationId: id, kind: 'adopted', state: orphan.state, message: `Adopted orphan instance ${orphan.instanceId}.`, actorId: actor.kind === 'user' ? actor.userId : null }], tx);
    await audit(tx, actor, 'orphan.adopt', { type: 'workstation', id }, `Adopted ${orphan.instanceId} at ${orphan.site.name} as ${name}`, { instanceId: orphan.instanceId });
    await requestReconcile(tx, orphan.siteId, 'adopt');
    await publishChange(tx, { topic: 'workstations' });
    return { workstationId: id, name };
  });
}
