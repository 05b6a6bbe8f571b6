/**
 * Assigns one or many shots to an artist in one action (and reassigns shots someone else holds). Each
 * shot goes to the site of one of the artist's workstations holding all of its data; when there is none,
 * nothing is written and the producer is offered a pre-stage (keep-local objective at the artist's site,
 * the artist's workstation started), which a second call with `preStage: true` carries out. Every shot
 * gets an audit row; each person concerned gets one digest, however many shots change.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { planAssignment, type LocalityReader, type TAssignmentPlan } from '@/lib/domain/assignments/locality';
import { AppError } from '@/lib/errors';
import { publishChange } from '../live/publish-change';
import { hammerspaceLocality, readLocalities } from './hammerspace-locality';
import { loadStudioSites } from './studio-sites';
import { writeAssignments, type TShotToAssign } from './write-assignments';
import { parseInput } from './parse-input';

export const ZAssignShots = z.object({
  shotIds: z.array(z.string().min(1)).min(1, 'Choose at least one shot.').max(1000, 'Assign at most 1000 shots at once.'),
  artistId: z.string().min(1, 'Choose an artist.'),
  dueDate: z.union([z.literal(''), z.iso.date('Use a date like 2026-12-31.')]).nullish().transform((v) => v || null),
  note: z.string().trim().max(500, 'Keep the note under 500 characters.').nullish().transform((v) => v || null),
  /** the producer accepted the pre-stage offered by a first call */
  preStage: z.boolean().default(false),
});
export type TAssignShotsInput = z.input<typeof ZAssignShots>;

export type TAssignOutcome =
  | { outcome: 'assigned'; assigned: number; reassigned: number; updated: number; preStaged: number; workstationStarted: boolean }
  | { outcome: 'needs-pre-stage'; artist: string; site: string; workstation: string; startsWorkstation: boolean; shots: Array<{ id: string; name: string; reason: string }> };

export async function assignShots(actor: Actor, input: TAssignShotsInput, opts: { locality?: LocalityReader } = {}): Promise<TAssignOutcome> {
  requireRole(actor, 'admin', 'producer');
  const { shotIds, artistId, dueDate, note, preStage } = parseInput(ZAssignShots, input);
  const ids = [...new Set(shotIds)];
  const client = db();

  const artist = await client.user.findUnique({ where: { id: artistId }, select: { id: true, name: true, roles: true, disabled: true } });
  if (!artist || artist.disabled || !artist.roles.includes('artist')) {
    throw new AppError('VALIDATION', 'Choose an artist who can sign in.', { fieldErrors: { artistId: ['That person is not an active artist.'] } });
  }
  const [shots, workstations, studio] = await Promise.all([
    client.shot.findMany({
      where: { id: { in: ids } },
      select: { id: true, name: true, folderPath: true, sequence: { select: { name: true } }, assignments: { where: { active: true }, select: { id: true, artistId: true, siteId: true, createdById: true } } },
    }),
    client.workstation.findMany({ where: { artistId, desiredState: { not: 'terminated' } }, select: { id: true, name: true, siteId: true, desiredState: true, observedState: true } }),
    loadStudioSites(),
  ]);
  if (shots.length !== ids.length) throw new AppError('NOT_FOUND', `${ids.length - shots.length} of the chosen shots no longer exist; reload the board.`);

  // Shots the artist already holds keep their site; only shots changing hands need a place to work.
  const moving = shots.filter((s) => s.assignments[0]?.artistId !== artistId);
  // Checked before asking Hammerspace anything: no answer about the data could make this assignable.
  if (moving.length > 0 && workstations.length === 0) throw new AppError('CONFLICT', `${artist.name} has no workstation; ask an admin to launch one first.`);
  const reader = opts.locality ?? hammerspaceLocality(studio);
  const localities = await readLocalities(reader, moving.map((s) => ({ id: s.id, folderPath: s.folderPath })));
  const plans = new Map<string, TAssignmentPlan>(moving.map((s) => [s.id, planAssignment(workstations, localities.get(s.id)!)]));

  const siteName = (id: string) => studio.sites.find((s) => s.id === id)?.name ?? 'its site';
  const stuck = [...plans.values()].find((p) => p.kind === 'no-workstation');
  if (stuck) throw new AppError('CONFLICT', `${artist.name} ${stuck.reason}.`);
  const needing = moving.filter((s) => plans.get(s.id)?.kind === 'pre-stage');
  if (needing.length > 0 && !preStage) {
    const plan = plans.get(needing[0]!.id) as Extract<TAssignmentPlan, { kind: 'pre-stage' }>;
    return {
      outcome: 'needs-pre-stage', artist: artist.name, site: siteName(plan.siteId),
      workstation: workstations.find((w) => w.id === plan.workstationId)?.name ?? 'their workstation', startsWorkstation: plan.startWorkstation,
      shots: needing.map((s) => ({ id: s.id, name: s.name, reason: (plans.get(s.id) as Extract<TAssignmentPlan, { kind: 'pre-stage' }>).reason })),
    };
  }

  const toWrite: TShotToAssign[] = shots.map((s) => ({
    id: s.id, name: s.name, sequence: s.sequence.name, folderPath: s.folderPath,
    current: s.assignments[0] ?? null, plan: plans.get(s.id) ?? null,
  }));
  try {
    return await client.$transaction(
      async (tx) => {
        const result = await writeAssignments(tx, actor, studio, { artist, dueDate, note, shots: toWrite });
        await publishChange(tx, { topic: 'assignments' });
        await publishChange(tx, { topic: 'shots' });
        return { outcome: 'assigned' as const, ...result };
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw new AppError('CONFLICT', 'Someone else assigned one of these shots at the same moment; reload the board and try again.', { cause: err });
    }
    throw err;
  }
}
