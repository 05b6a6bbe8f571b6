/** Removes an objective from one share path at one site: the reconciler unsets it on that Anvil. */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { findApplication, setApplicationsState } from '@/lib/db/objectives';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { AppError } from '@/lib/errors';
import { audit } from '@/lib/services/audit';
import { parseInput } from '@/lib/services/hammerspace/parse-input';
import { publishChange } from '@/lib/services/live/publish-change';
import { requestObjectivesReconcile } from './request-reconcile';

export const ZRemoveApplication = z.object({ applicationId: z.string().min(1) });

export async function removeApplication(actor: Actor, raw: z.input<typeof ZRemoveApplication>) {
  requireRole(actor, 'admin');
  const { applicationId } = parseInput(ZRemoveApplication, raw);
  return db().$transaction(async (tx) => {
    const app = await findApplication(applicationId, tx);
    if (!app) throw new AppError('NOT_FOUND', 'That application is already gone.');
    if (app.state === 'removing') return { applicationId, alreadyRemoving: true };
    await setApplicationsState([applicationId], 'removing', tx);
    await requestObjectivesReconcile(tx, [app.site.id], 'objective unapplied');
    const where = `${app.share.name}${app.path === '/' ? '' : app.path} at ${app.site.name}`;
    await audit(tx, actor, 'objective.unapply', { type: 'objective', id: app.objectiveId }, `Removed ${app.objective.name} from ${where}`, { site: app.site.name, share: app.share.name, path: app.path });
    await publishChange(tx, { topic: 'objectives', id: app.objectiveId });
    return { applicationId, alreadyRemoving: false };
  });
}
