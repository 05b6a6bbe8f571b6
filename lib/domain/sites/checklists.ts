/**
 * The bring-up and drain checklists: which steps, in which order, and how a run is planned over the
 * `site_steps` rows a previous run left. Rows are the workflow's memory: a worker that crashed, or an
 * admin's retry, resumes at the first step that is not done, and every step is written so that running
 * it twice changes nothing the second time.
 */
import type { TWorkflow } from './lifecycle';

export type TStepDef = { key: string; label: string; hint: string };

export const BRING_UP_STEPS: readonly TStepDef[] = [
  { key: 'register', label: 'Register the Anvil', hint: 'URL and account stored, the password sealed' },
  { key: 'check-anvil', label: 'Check the Anvil answers', hint: '/cntl/state and /sites/local' },
  { key: 'join-namespace', label: 'Join the global namespace', hint: 'a remote site at the home Anvil' },
  { key: 'join-shares', label: 'Join the studio’s shares', hint: 'a share participant for each share' },
  { key: 'objectives', label: 'Apply the studio’s objectives', hint: 'objectives every site holds, present and applied here' },
  { key: 'launch-profiles', label: 'Create launch profiles', hint: 'the home site’s profiles, with this region’s images' },
  { key: 'activate', label: 'Open the site', hint: 'provisioning → active; launches allowed' },
  { key: 'launch-workstations', label: 'Launch workstations', hint: 'optional: the number asked for' },
];

export const DRAIN_STEPS: readonly TStepDef[] = [
  { key: 'stop-launches', label: 'Stop new launches', hint: 'no workstation may start here any more' },
  { key: 'notify-artists', label: 'Tell the site’s artists', hint: 'an in-app notice to everyone working here' },
  { key: 'wait-replication', label: 'Wait for replication to reach 0', hint: 'send_behind 0 and no file only here' },
  { key: 'stop-workstations', label: 'Stop the workstations', hint: 'stopped, or terminated when asked' },
  { key: 'leave-shares', label: 'Leave the shares', hint: 'only once nothing would be lost' },
  { key: 'mark-stopped', label: 'Mark the site stopped', hint: 'draining → stopped' },
];

export function stepsOf(workflow: TWorkflow): readonly TStepDef[] {
  return workflow === 'bring-up' ? BRING_UP_STEPS : DRAIN_STEPS;
}

export function stepLabel(workflow: TWorkflow, key: string): string {
  return stepsOf(workflow).find((s) => s.key === key)?.label ?? key;
}

export type TStepStatus = 'pending' | 'running' | 'done' | 'failed';
export type TStepRow = { key: string; position: number; status: TStepStatus; detail: string | null };

/** The step to run now: the first, by position, that is not done (null when the checklist is complete). */
export function nextStep<R extends TStepRow>(rows: readonly R[]): R | null {
  return [...rows].sort((a, b) => a.position - b.position).find((r) => r.status !== 'done') ?? null;
}

export function isComplete(workflow: TWorkflow, rows: readonly TStepRow[]): boolean {
  const done = new Set(rows.filter((r) => r.status === 'done').map((r) => r.key));
  return stepsOf(workflow).every((s) => done.has(s.key));
}

export function failedStep<R extends TStepRow>(rows: readonly R[]): R | null {
  return rows.find((r) => r.status === 'failed') ?? null;
}

export type TPlannedStep = { key: string; position: number; params: Record<string, unknown> };

/**
 * The rows a fresh run starts from: every step pending, with its parameters. A fresh run (a first
 * bring-up, a bring-up after a stop, a new drain) starts over; only a retry resumes.
 */
export function planRun(workflow: TWorkflow, params: Record<string, Record<string, unknown>> = {}, common: Record<string, unknown> = {}): TPlannedStep[] {
  return stepsOf(workflow).map((s, i) => ({ key: s.key, position: i + 1, params: { ...common, ...(params[s.key] ?? {}) } }));
}

/** "3 of 8 done", for the Regions table. */
export function progressText(workflow: TWorkflow, rows: readonly TStepRow[]): string {
  const total = stepsOf(workflow).length;
  const done = rows.filter((r) => r.status === 'done').length;
  return `${done} of ${total} done`;
}
