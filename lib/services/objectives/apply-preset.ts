/**
 * One click for a studio preset (lib/domain/objectives/presets): the objective is created if it is not
 * there yet, then applied to the share's root at the home site (or at every participating site, for the
 * presets meant everywhere). The demo seed uses it too.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { findObjectiveByName } from '@/lib/db/objectives';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { findStudioPreset } from '@/lib/domain/objectives';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/services/hammerspace/parse-input';
import { applyObjective } from './apply-objective';
import { createObjective } from './create-objective';

export const ZApplyPreset = z.object({ preset: z.string().min(1), shareId: z.string().min(1).optional() });

export async function applyPreset(actor: Actor, raw: z.input<typeof ZApplyPreset>) {
  requireRole(actor, 'admin');
  const input = parseInput(ZApplyPreset, raw);
  const preset = findStudioPreset(input.preset);
  if (!preset) throw new AppError('NOT_FOUND', `There is no preset named ${input.preset}.`);
  const share = await db().share.findFirst({
    where: input.shareId ? { id: input.shareId } : {},
    orderBy: { name: 'asc' },
    select: { id: true, name: true, participants: { select: { site: { select: { id: true, isHome: true, anvilUrl: true } } } } },
  });
  if (!share) throw new AppError('NOT_FOUND', 'There is no share to apply the preset to yet.');
  const sites = share.participants.map((p) => p.site).filter((s) => s.anvilUrl && (preset.appliesTo === 'all-sites' || s.isHome));
  if (!sites.length) throw new AppError('CONFLICT', `No ${preset.appliesTo === 'home-site' ? 'home site' : 'site'} with an Anvil takes part in ${share.name}.`);

  let objective = await findObjectiveByName(preset.name);
  if (objective?.deletedAt) throw new AppError('CONFLICT', `${preset.name} is still being removed from the Anvils; try again in a minute.`);
  // A preset's text is ours and known good; the reconciler still has each Anvil check it when applying.
  if (!objective) {
    const created = await createObjective(actor, { name: preset.name, expression: preset.expression, description: preset.description }, { preset: preset.name, skipAnvilCheck: true });
    objective = await findObjectiveByName(created.name);
  }
  if (!objective) throw new AppError('INTERNAL', `Objective ${preset.name} vanished while it was being applied.`);
  const current = await db().objectiveApplication.findMany({ where: { objectiveId: objective.id, shareId: share.id, path: '/', state: { not: 'removing' } }, select: { siteId: true } });
  const siteIds = [...new Set([...current.map((a) => a.siteId), ...sites.map((s) => s.id)])];
  const applied = await applyObjective(actor, { objectiveId: objective.id, shareId: share.id, path: '/', siteIds });
  return { objectiveId: objective.id, share: share.name, sites: sites.length, added: applied.added };
}
