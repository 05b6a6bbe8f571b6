import { describe, expect, it } from 'vitest';
import { BRING_UP_STEPS, DRAIN_STEPS, failedStep, isComplete, nextStep, planRun, progressText, stepLabel, type TStepRow } from './checklists';

const rows = (statuses: TStepRow['status'][], defs = BRING_UP_STEPS): TStepRow[] =>
  statuses.map((status, i) => ({ key: defs[i]!.key, position: i + 1, status, detail: null }));

describe('checklists', () => {
  it('brings a site up in the order the issue lists, and drains it in its own order', () => {
    expect(BRING_UP_STEPS.map((s) => s.key)).toEqual(['register', 'check-anvil', 'join-namespace', 'join-shares', 'objectives', 'launch-profiles', 'activate', 'launch-workstations']);
    expect(DRAIN_STEPS.map((s) => s.key)).toEqual(['stop-launches', 'notify-artists', 'wait-replication', 'stop-workstations', 'leave-shares', 'mark-stopped']);
    // Workstations stop only after replication has reached 0, and the site leaves its shares after that.
    const keys = DRAIN_STEPS.map((s) => s.key);
    expect(keys.indexOf('wait-replication')).toBeLessThan(keys.indexOf('stop-workstations'));
    expect(keys.indexOf('stop-workstations')).toBeLessThan(keys.indexOf('leave-shares'));
  });

  it('resumes at the first step that is not done, whatever order the rows come in', () => {
    const r = rows(['done', 'done', 'running', 'pending', 'pending', 'pending', 'pending', 'pending']);
    expect(nextStep([...r].reverse())?.key).toBe('join-namespace');
    expect(nextStep(rows(['done', 'failed', 'pending', 'pending', 'pending', 'pending', 'pending', 'pending']))?.key).toBe('check-anvil');
    expect(nextStep(rows(Array(8).fill('done')))).toBeNull();
  });

  it('knows when a checklist is complete and which step failed', () => {
    expect(isComplete('bring-up', rows(Array(8).fill('done')))).toBe(true);
    expect(isComplete('bring-up', rows(Array(7).fill('done')))).toBe(false);
    expect(isComplete('drain', rows(Array(6).fill('done'), DRAIN_STEPS))).toBe(true);
    expect(failedStep(rows(['done', 'failed']))?.key).toBe('check-anvil');
    expect(progressText('bring-up', rows(['done', 'done', 'pending']))).toBe('2 of 8 done');
  });

  it('plans a fresh run with every step pending and its own parameters', () => {
    const plan = planRun('bring-up', { 'launch-workstations': { count: 2 } }, { requestedBy: 'it@studio.example' });
    expect(plan).toHaveLength(8);
    expect(plan.map((p) => p.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(plan.find((p) => p.key === 'launch-workstations')?.params).toEqual({ requestedBy: 'it@studio.example', count: 2 });
    expect(plan[0]?.params).toEqual({ requestedBy: 'it@studio.example' });
    expect(stepLabel('drain', 'leave-shares')).toBe('Leave the shares');
    expect(stepLabel('drain', 'nope')).toBe('nope');
  });
});
