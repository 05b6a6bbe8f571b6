/**
 * An admin launches one or more workstations. The rows are written first (desired `running`, a
 * ClientToken derived from id + launch generation), together with their audit rows and the on-demand
 * reconcile job, in one transaction; the reconciler then calls RunInstances with that token. A crash at
 * any point after the commit can only ever lead to the same instances, never to a second set.
 */
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db/client';
import { findLaunchProfile } from '@/lib/db/launch-profiles';
import { findUserById } from '@/lib/db/users';
import { insertEvents, insertWorkstations, workstationNamesLike } from '@/lib/db/workstations';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { clientTokenFor, workstationIdFrom } from '@/lib/domain/workstations/client-token';
import { namePrefix, nextWorkstationNames } from '@/lib/domain/workstations/names';
import { ZLaunchRequest, type TLaunchRequest } from '@/lib/domain/workstations/profile';
import { AppError } from '@/lib/errors';
import { audit } from '../audit';
import { publishChange } from '../live/publish-change';
import { requestReconcile } from './request-reconcile';

export type LaunchResult = { workstations: Array<{ id: string; name: string }> };

async function checkArtist(artistId: string | null): Promise<{ id: string; email: string } | null> {
  if (!artistId) return null;
  const user = await findUserById(artistId);
  if (!user || user.disabled || !user.roles.includes('artist')) {
    throw new AppError('VALIDATION', 'Some fields need attention.', { fieldErrors: { artistId: ['Choose an active artist'] } });
  }
  return { id: user.id, email: user.email };
}

export async function launchWorkstations(actor: Actor, input: TLaunchRequest | Record<string, unknown>): Promise<LaunchResult> {
  requireRole(actor, 'admin');
  const parsed = ZLaunchRequest.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION', 'Some fields need attention.', { fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), [i.message]])) });
  const req = parsed.data;
  const profile = await findLaunchProfile(req.profileId);
  if (!profile || profile.siteId !== req.siteId) throw new AppError('NOT_FOUND', 'That launch profile does not exist at this site.');
  const site = profile.site;
  if (site.state !== 'active') throw new AppError('CONFLICT', `${site.name} is ${site.state}; workstations can be launched at active sites only.`);
  if (!site.launchesAllowed) throw new AppError('CONFLICT', `Launches are paused at ${site.name}.`);
  if (!profile.instanceTypes.includes(req.instanceType)) {
    throw new AppError('VALIDATION', 'Some fields need attention.', { fieldErrors: { instanceType: [`The ${profile.name} profile allows ${profile.instanceTypes.join(', ')}`] } });
  }
  const artist = await checkArtist(req.artistId);

  try {
    return await db().$transaction(async (tx) => {
      const prefix = namePrefix(site.name, profile.kind);
      const names = nextWorkstationNames(prefix, await workstationNamesLike(prefix, tx), req.count);
      const rows = names.map((name) => {
        const id = workstationIdFrom(randomBytes(12).toString('hex'));
        return { id, name, siteId: site.id, profileId: profile.id, instanceType: req.instanceType, clientToken: clientTokenFor(id, 1), artistId: artist?.id ?? null };
      });
      await insertWorkstations(rows, tx);
      const who = artist ? ` for ${artist.email}` : '';
      await insertEvents(rows.map((r) => ({ workstationId: r.id, kind: 'requested', state: 'running', message: `Launch requested${who} (${profile.name}, ${req.instanceType}).`, actorId: actor.kind === 'user' ? actor.userId : null })), tx);
      for (const r of rows) {
        await audit(tx, actor, 'workstation.launch', { type: 'workstation', id: r.id }, `Launched ${r.name} at ${site.name} (${profile.name}, ${req.instanceType})${who}`, { clientToken: r.clientToken, siteId: site.id, profileId: profile.id });
      }
      await publishChange(tx, { topic: 'workstations' });
      await requestReconcile(tx, site.id, 'launch');
      return { workstations: rows.map((r) => ({ id: r.id, name: r.name })) };
    });
  } catch (err) {
    // Two admins launching at the same site at the same moment can pick the same next name.
    if ((err as { code?: string }).code === 'P2002') throw new AppError('CONFLICT', 'Another launch at this site took those names a moment ago; launch again.', { cause: err });
    throw err;
  }
}
