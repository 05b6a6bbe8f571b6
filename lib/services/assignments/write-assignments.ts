/**
 * The writing half of `assignShots`, inside its transaction: shots the artist already holds get the new
 * due date and note; the others lose their current assignment (if any) and get a new one at the planned
 * site, pre-staged when the plan says so. One audit row per shot and per pre-stage (one INSERT for all);
 * notices go to the artist who gains a shot and to the one who loses it, never to the actor about their
 * own action.
 */
import type { Tx } from '@/lib/db/client';
import { actorId, type Actor } from '@/lib/domain/auth/actor';
import type { TAssignmentPlan } from '@/lib/domain/assignments/locality';
import { AppError } from '@/lib/errors';
import { recordNotices, type TNotice } from '../notifications/record-notices';
import { auditMany, type TAuditEntry } from './audit-many';
import { intentPreStager } from './pre-stage-shot';
import type { TStudioSites } from './studio-sites';

export type TShotToAssign = {
  id: string;
  name: string;
  sequence: string;
  folderPath: string;
  current: { id: string; artistId: string; siteId: string } | null;
  plan: TAssignmentPlan | null;
};

type TWriteInput = { artist: { id: string; name: string }; dueDate: string | null; note: string | null; shots: TShotToAssign[] };

export async function writeAssignments(tx: Tx, actor: Actor, studio: TStudioSites, input: TWriteInput) {
  const { artist, dueDate, note } = input;
  const due = dueDate ? new Date(`${dueDate}T00:00:00.000Z`) : null;
  const by = actorId(actor);
  const siteName = (id: string) => studio.sites.find((s) => s.id === id)?.name ?? id;
  const dueText = dueDate ? `, due ${dueDate}` : '';
  const notices: TNotice[] = [];

  const audits: TAuditEntry[] = [];

  const keeping = input.shots.filter((s) => s.current?.artistId === artist.id);
  if (keeping.length) await tx.assignment.updateMany({ where: { id: { in: keeping.map((s) => s.current!.id) } }, data: { dueDate: due, note } });
  for (const shot of keeping) {
    const id = shot.current!.id;
    audits.push({ action: 'assignment.update', entity: { type: 'assignment', id }, summary: `Set due date and note of ${shot.name} for ${artist.name}`, data: { shotId: shot.id, dueDate, note } });
    notices.push({ userId: artist.id, kind: 'assigned', title: `${shot.name} (${shot.sequence}): due date or note changed${dueText}`, link: `/me/shots/${id}` });
  }

  const moving = input.shots.filter((s) => s.current?.artistId !== artist.id);
  const previous = moving.filter((s) => s.current).map((s) => s.current!);
  if (previous.length) {
    // Compare-and-set: an assignment someone else ended meanwhile makes the whole action stop.
    const { count } = await tx.assignment.updateMany({ where: { id: { in: previous.map((p) => p.id) }, active: true }, data: { active: false } });
    if (count !== previous.length) throw new AppError('CONFLICT', 'Some of these shots changed hands meanwhile; reload the board and try again.');
  }
  const previousNames = new Map(
    (await tx.user.findMany({ where: { id: { in: [...new Set(previous.map((p) => p.artistId))] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  const plans = moving.map((s) => {
    if (!s.plan || s.plan.kind === 'no-workstation') throw new Error(`assignment of ${s.id} has no site plan`);
    return s.plan;
  });
  const created = moving.length
    ? await tx.assignment.createManyAndReturn({
        data: moving.map((s, i) => ({ shotId: s.id, artistId: artist.id, siteId: plans[i]!.siteId, dueDate: due, note, createdById: by })),
        select: { id: true, shotId: true },
      })
    : [];
  const newId = new Map(created.map((c) => [c.shotId, c.id]));

  for (const [i, shot] of moving.entries()) {
    const plan = plans[i]!;
    const id = newId.get(shot.id)!;
    const from = shot.current ? previousNames.get(shot.current.artistId) ?? 'another artist' : null;
    audits.push({
      action: from ? 'assignment.reassign' : 'assignment.assign',
      entity: { type: 'assignment', id },
      summary: from ? `Reassigned ${shot.name} from ${from} to ${artist.name} at ${siteName(plan.siteId)}` : `Assigned ${shot.name} to ${artist.name} at ${siteName(plan.siteId)}`,
      data: { shotId: shot.id, artistId: artist.id, siteId: plan.siteId, previousAssignmentId: shot.current?.id ?? null, dueDate, note },
    });
    notices.push({ userId: artist.id, kind: 'assigned', title: `${shot.name} (${shot.sequence}) assigned to you${dueText}`, link: `/me/shots/${id}`, data: { assignmentId: id, shotId: shot.id } });
    if (shot.current) {
      notices.push({ userId: shot.current.artistId, kind: 'reassigned', title: `${shot.name} (${shot.sequence}) was reassigned to ${artist.name}`, link: '/me', data: { shotId: shot.id } });
    }
  }

  const staging = moving.flatMap((shot, i) => {
    const plan = plans[i]!;
    return plan.kind === 'pre-stage' ? [{ shot, plan, id: newId.get(shot.id)! }] : [];
  });
  const results = await intentPreStager(studio, actor).preStage(
    tx,
    staging.map(({ shot, plan }) => ({ shotId: shot.id, folderPath: shot.folderPath, siteId: plan.siteId, workstationId: plan.workstationId, startWorkstation: plan.startWorkstation })),
  );
  for (const [i, { shot, plan, id }] of staging.entries()) {
    const done = results[i]!;
    audits.push({
      action: 'assignment.pre-stage',
      entity: { type: 'assignment', id },
      summary: `Pre-staged ${shot.name} at ${siteName(plan.siteId)} for ${artist.name}: ${plan.reason}`,
      data: { shotId: shot.id, siteId: plan.siteId, workstationId: plan.workstationId, objectiveApplied: done.objectiveApplied, workstationStarted: done.workstationStarted },
    });
  }

  await auditMany(tx, actor, audits);
  await recordNotices(tx, notices.filter((n) => n.userId !== by));
  return { assigned: moving.length - previous.length, reassigned: previous.length, updated: keeping.length, preStaged: staging.length, workstationStarted: results.some((r) => r.workstationStarted) };
}
