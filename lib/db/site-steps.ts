/**
 * The rows of a site's bring-up or drain checklist. Writes are keyed by (site, workflow, key) so a
 * step is never duplicated, and the status changes the runner makes are compare-and-set on the status
 * it read, so two runners that both thought they held a step cannot both record it.
 */
import type { Prisma, StepStatus } from './generated/client';
import { db, type Tx } from './client';

export const STEP_SELECT = { id: true, siteId: true, workflow: true, key: true, position: true, status: true, detail: true, params: true, attempts: true, startedAt: true, finishedAt: true } as const;

export function listSteps(siteId: string, workflow?: string, tx: Tx = db()) {
  return tx.siteStep.findMany({ where: { siteId, workflow }, select: STEP_SELECT, orderBy: [{ workflow: 'asc' }, { position: 'asc' }] });
}

export type TStepRecord = Awaited<ReturnType<typeof listSteps>>[number];

/** A fresh run: every step of the workflow pending again, with the run's parameters; old detail cleared. */
export async function resetRun(siteId: string, workflow: string, steps: Array<{ key: string; position: number; params: Record<string, unknown> }>, tx: Tx): Promise<void> {
  await tx.siteStep.deleteMany({ where: { siteId, workflow, key: { notIn: steps.map((s) => s.key) } } });
  for (const s of steps) {
    const data = { position: s.position, status: 'pending' as const, detail: null, params: s.params as Prisma.InputJsonValue, attempts: 0, startedAt: null, finishedAt: null };
    await tx.siteStep.upsert({ where: { siteId_workflow_key: { siteId, workflow, key: s.key } }, create: { siteId, workflow, key: s.key, ...data }, update: data });
  }
}

/** Marks a step as running (another try); false when its status moved since it was read. */
export async function claimStep(step: { id: string; status: StepStatus }, now: Date, tx: Tx = db()): Promise<boolean> {
  const r = await tx.siteStep.updateMany({
    where: { id: step.id, status: step.status },
    data: { status: 'running', attempts: { increment: 1 }, ...(step.status === 'pending' ? { startedAt: now } : {}) },
  });
  return r.count === 1;
}

export async function finishStep(id: string, status: 'done' | 'failed', detail: string, now: Date, tx: Tx): Promise<boolean> {
  const r = await tx.siteStep.updateMany({ where: { id, status: 'running' }, data: { status, detail: detail.slice(0, 2000), finishedAt: now } });
  return r.count === 1;
}

/** A waiting step keeps running and says what it waits for. */
export function setStepDetail(id: string, detail: string, tx: Tx = db()) {
  return tx.siteStep.updateMany({ where: { id, status: 'running' }, data: { detail: detail.slice(0, 2000) } });
}

/** A retry: the failed step (or, after a cancel, every unfinished one) is pending again. */
export function reopenSteps(siteId: string, workflow: string, statuses: StepStatus[], detail: string | null, tx: Tx) {
  return tx.siteStep.updateMany({ where: { siteId, workflow, status: { in: statuses } }, data: { status: 'pending', detail, finishedAt: null } });
}

/** Unfinished steps of a workflow that will not run (a forced stop): failed, saying why. */
export function abandonSteps(siteId: string, workflow: string, detail: string, now: Date, tx: Tx) {
  return tx.siteStep.updateMany({ where: { siteId, workflow, status: { in: ['pending', 'running'] } }, data: { status: 'failed', detail, finishedAt: now } });
}
