/**
 * `PreStager` as intent rows, written in the assignment's transaction so pre-stages and the assignments
 * they serve commit together: the keep-local objective applied to each shot folder at the artist's site
 * (`ObjectiveApplication` rows in state pending, whose site's objectives pass is pulled to now and sets
 * it on that site's Anvil), and the artist's workstation wanted running (the workstation reconciler, pulled to now, starts
 * it). Nothing here calls a vendor, so a slow Anvil or EC2 never holds the producer's click.
 */
import type { Tx } from '@/lib/db/client';
import { insertEvents, setDesiredState } from '@/lib/db/workstations';
import { actorId, type Actor } from '@/lib/domain/auth/actor';
import { SHOT_KEEP_LOCAL } from '@/lib/domain/assignments/keep-local';
import type { PreStager, TPreStageRequest, TPreStageResult } from '@/lib/domain/assignments/locality';
import { relativeShotPath, shareForRoot, sharePathOf } from '@/lib/domain/assignments/shot-paths';
import { AppError } from '@/lib/errors';
import { audit } from '../audit';
import { publishChange } from '../live/publish-change';
import { requestObjectivesReconcile } from '../objectives/request-reconcile';
import { requestReconcileMany } from '../workstations/request-reconcile';
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

type TTarget = { shotId: string; shareId: string; siteId: string; path: string };

export function intentPreStager(studio: TStudioSites, actor: Actor): PreStager<Tx> {
  const targetOf = (req: TPreStageRequest): TTarget => {
    const site = studio.sites.find((s) => s.id === req.siteId);
    const share = site ? shareForRoot(site.publishRoot, studio.shares) : null;
    const rel = relativeShotPath(req.folderPath, studio.roots);
    if (!site || !share || rel === null) {
      throw new AppError('CONFLICT', `Cannot pre-stage ${req.folderPath}: ${site?.name ?? 'the artist’s site'} has no projects root on a Hammerspace share.`);
    }
    return { shotId: req.shotId, shareId: share.id, siteId: site.id, path: sharePathOf(rel) };
  };

  return {
    async preStage(tx: Tx, requests: readonly TPreStageRequest[]): Promise<TPreStageResult[]> {
      if (requests.length === 0) return [];
      const targets = requests.map(targetOf);
      const objectiveId = await keepLocalObjectiveId(tx);
      const existing = await tx.objectiveApplication.findMany({
        where: { objectiveId, OR: targets.map((t) => ({ shareId: t.shareId, siteId: t.siteId, path: t.path })) },
        select: { id: true, shareId: true, siteId: true, path: true, state: true },
      });
      const keyOf = (t: { shareId: string; siteId: string; path: string }) => `${t.shareId}|${t.siteId}|${t.path}`;
      const have = new Map(existing.map((e) => [keyOf(e), e]));
      // Already applied or on its way: nothing to do. Failed or being removed: wanted again.
      const revive = existing.filter((e) => e.state === 'failed' || e.state === 'removing');
      const fresh = [...new Map(targets.filter((t) => !have.has(keyOf(t))).map((t) => [keyOf(t), t])).values()];
      if (fresh.length) await tx.objectiveApplication.createMany({ data: fresh.map((t) => ({ objectiveId, shareId: t.shareId, siteId: t.siteId, path: t.path, state: 'pending' as const })), skipDuplicates: true });
      if (revive.length) await tx.objectiveApplication.updateMany({ where: { id: { in: revive.map((e) => e.id) } }, data: { state: 'pending', lastError: null } });
      const applied = new Set([...fresh.map(keyOf), ...revive.map(keyOf)]);

      const toStart = [...new Map(requests.filter((r) => r.startWorkstation).map((r) => [r.workstationId, r.siteId])).entries()];
      const started = new Set<string>();
      for (const [workstationId] of toStart) {
        if ((await setDesiredState([workstationId], 'running', tx)).length === 0) continue;
        started.add(workstationId);
        await insertEvents([{ workstationId, kind: 'requested', state: 'running', message: 'Start requested to pre-stage an assigned shot.', actorId: actorId(actor) }], tx);
        await audit(tx, actor, 'workstation.start', { type: 'workstation', id: workstationId }, 'Start requested to pre-stage an assigned shot');
      }
      await requestReconcileMany(tx, toStart.filter(([id]) => started.has(id)).map(([, siteId]) => siteId), 'pre-stage');
      if (started.size) await publishChange(tx, { topic: 'workstations' });
      if (applied.size) {
        // Pull those sites' objective passes to now rather than waiting for the per-minute fan-out.
        await requestObjectivesReconcile(tx, new Set(targets.filter((t) => applied.has(keyOf(t))).map((t) => t.siteId)), 'pre-stage');
        await publishChange(tx, { topic: 'objectives' });
      }
      return requests.map((r, i) => ({ shotId: r.shotId, objectiveApplied: applied.has(keyOf(targets[i]!)), workstationStarted: started.has(r.workstationId) }));
    },
  };
}
