/**
 * `PreStager` as intent rows, written in the assignment's transaction so a pre-stage and the assignment it
 * serves commit together: the keep-local objective applied to the shot folder at the artist's site (an
 * `ObjectiveApplication` in state pending, which the objectives reconciler sets on that site's Anvil),
 * and the artist's workstation wanted running (the workstation reconciler, pulled to now, starts it).
 * Nothing here calls a vendor, so a slow Anvil or EC2 never holds the producer's click.
 */
import type { Tx } from '@/lib/db/client';
import { insertEvents, setDesiredState } from '@/lib/db/workstations';
import { actorId, type Actor } from '@/lib/domain/auth/actor';
import { SHOT_KEEP_LOCAL } from '@/lib/domain/assignments/keep-local';
import type { PreStager, TPreStageRequest } from '@/lib/domain/assignments/locality';
import { relativeShotPath, shareForRoot, sharePathOf } from '@/lib/domain/assignments/shot-paths';
import { AppError } from '@/lib/errors';
import { publishChange } from '../live/publish-change';
import { requestReconcile } from '../workstations/request-reconcile';
import type { TStudioSites } from './studio-sites';

async function keepLocalObjectiveId(tx: Tx): Promise<string> {
  const row = await tx.objective.upsert({
    where: { name: SHOT_KEEP_LOCAL.name },
    create: { name: SHOT_KEEP_LOCAL.name, expression: SHOT_KEEP_LOCAL.expression, description: SHOT_KEEP_LOCAL.description, preset: SHOT_KEEP_LOCAL.preset },
    // An admin may have deleted it from the Objectives page; a pre-stage needs it back.
    update: { deletedAt: null },
    select: { id: true },
  });
  return row.id;
}

async function wantApplication(tx: Tx, key: { objectiveId: string; shareId: string; siteId: string; path: string }): Promise<boolean> {
  const existing = await tx.objectiveApplication.findUnique({ where: { objectiveId_shareId_siteId_path: key }, select: { id: true, state: true } });
  if (!existing) {
    await tx.objectiveApplication.create({ data: { ...key, state: 'pending' } });
    return true;
  }
  if (existing.state === 'applied' || existing.state === 'pending') return false;
  await tx.objectiveApplication.update({ where: { id: existing.id }, data: { state: 'pending', lastError: null } });
  return true;
}

export function intentPreStager(studio: TStudioSites, actor: Actor): PreStager<Tx> {
  let objectiveId: string | null = null;
  return {
    async preStage(tx: Tx, req: TPreStageRequest) {
      const site = studio.sites.find((s) => s.id === req.siteId);
      const share = site ? shareForRoot(site.publishRoot, studio.shares) : null;
      const rel = relativeShotPath(req.folderPath, studio.roots);
      if (!site || !share || rel === null) {
        throw new AppError('CONFLICT', `Cannot pre-stage ${req.folderPath}: ${site?.name ?? 'the artist’s site'} has no projects root on a Hammerspace share.`);
      }
      objectiveId ??= await keepLocalObjectiveId(tx);
      const objectiveApplied = await wantApplication(tx, { objectiveId, shareId: share.id, siteId: site.id, path: sharePathOf(rel) });
      let workstationStarted = false;
      if (req.startWorkstation) {
        const changed = await setDesiredState([req.workstationId], 'running', tx);
        if (changed.length) {
          workstationStarted = true;
          await insertEvents([{ workstationId: req.workstationId, kind: 'requested', state: 'running', message: 'Start requested to pre-stage an assigned shot.', actorId: actorId(actor) }], tx);
          await requestReconcile(tx, site.id, 'pre-stage');
          await publishChange(tx, { topic: 'workstations' });
        }
      }
      if (objectiveApplied) await publishChange(tx, { topic: 'objectives' });
      return { objectiveApplied, workstationStarted };
    },
  };
}
