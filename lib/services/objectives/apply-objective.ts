/**
 * Applies an objective to a share path at exactly the chosen sites: new sites get a pending application
 * (the reconciler creates the definition there and sets it on the path); sites no longer chosen for
 * that share path get a removal. An empty choice removes it from the path everywhere.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { applicationsOf, findObjective, setApplicationsState, wantApplication } from '@/lib/db/objectives';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { AppError } from '@/lib/errors';
import { audit } from '@/lib/services/audit';
import { parseInput } from '@/lib/services/hammerspace/parse-input';
import { publishChange } from '@/lib/services/live/publish-change';
import { requestObjectivesReconcile } from './request-reconcile';

/** A share-relative path: `/`, or `/a/b` without `.`/`..` segments (the Anvil's `path` parameter). */
export const ZSharePath = z
  .string()
  .trim()
  .max(1024)
  .transform((p) => `/${p.split('/').filter(Boolean).join('/')}`)
  .refine((p) => !p.split('/').some((s) => s === '.' || s === '..'), 'A share path may not contain . or .. segments.')
  .refine((p) => !p.includes('\\') && !p.includes(String.fromCharCode(0)), 'A share path may not contain a backslash or a NUL character.');

export const ZApplyObjective = z.object({
  objectiveId: z.string().min(1),
  shareId: z.string().min(1),
  path: ZSharePath.default('/'),
  siteIds: z.array(z.string().min(1)).max(50),
});

export async function applyObjective(actor: Actor, raw: z.input<typeof ZApplyObjective>) {
  requireRole(actor, 'admin');
  const input = parseInput(ZApplyObjective, raw);
  return db().$transaction(async (tx) => {
    const objective = await findObjective(input.objectiveId, tx);
    if (!objective || objective.deletedAt) throw new AppError('NOT_FOUND', 'That objective no longer exists.');
    const share = await tx.share.findUnique({ where: { id: input.shareId }, select: { id: true, name: true, participants: { select: { site: { select: { id: true, name: true, anvilUrl: true } } } } } });
    if (!share) throw new AppError('NOT_FOUND', 'That share no longer exists.');
    const members = new Map(share.participants.map((p) => [p.site.id, p.site]));
    const outside = input.siteIds.filter((id) => !members.has(id));
    if (outside.length) throw new AppError('VALIDATION', `Only sites taking part in ${share.name} can hold its objectives.`, { fieldErrors: { siteIds: ['Pick sites that take part in the share.'] } });
    const noAnvil = input.siteIds.map((id) => members.get(id)).filter((s) => s && !s.anvilUrl).map((s) => s?.name);
    if (noAnvil.length) throw new AppError('VALIDATION', `${noAnvil.join(', ')} has no Anvil configured yet.`, { fieldErrors: { siteIds: [`${noAnvil.join(', ')} has no Anvil.`] } });

    const key = { objectiveId: objective.id, shareId: share.id, path: input.path };
    const before = await applicationsOf(objective.id, share.id, input.path, tx);
    const added: string[] = [];
    for (const siteId of input.siteIds) if ((await wantApplication({ ...key, siteId }, tx)).changed) added.push(siteId);
    const dropped = before.filter((a) => !input.siteIds.includes(a.siteId) && a.state !== 'removing');
    await setApplicationsState(dropped.map((a) => a.id), 'removing', tx);
    const touched = [...added, ...dropped.map((a) => a.siteId)];
    if (!touched.length) return { objectiveId: objective.id, added: 0, removed: 0 };

    await requestObjectivesReconcile(tx, touched, 'objective applied');
    const names = (ids: string[]) => ids.map((id) => members.get(id)?.name ?? id);
    await audit(tx, actor, 'objective.apply', { type: 'objective', id: objective.id },
      `Applied ${objective.name} to ${share.name}${input.path === '/' ? '' : input.path} at ${names(input.siteIds).join(', ') || 'no site'}`,
      { share: share.name, path: input.path, added: names(added), removing: names(dropped.map((a) => a.siteId)) });
    await publishChange(tx, { topic: 'objectives', id: objective.id });
    return { objectiveId: objective.id, added: added.length, removed: dropped.length };
  });
}
