import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { canApply, describeTransition, failureReason, nextState, runningWorkflow, SITE_EVENTS, SITE_STATES, type TSiteState } from './lifecycle';

const site = (state: TSiteState) => ({ name: 'Sydney', state });

describe('site lifecycle', () => {
  it('walks the happy path planned → provisioning → active → draining → stopped', () => {
    expect(nextState(site('planned'), 'bring-up')).toBe('provisioning');
    expect(nextState(site('provisioning'), 'activate')).toBe('active');
    expect(nextState(site('active'), 'drain')).toBe('draining');
    expect(nextState(site('draining'), 'stop')).toBe('stopped');
    expect(nextState(site('stopped'), 'bring-up')).toBe('provisioning');
  });

  it('fails from any step that runs work, and a retry resumes the workflow that failed', () => {
    for (const s of ['provisioning', 'active', 'draining'] as const) expect(nextState(site(s), 'fail')).toBe('failed');
    expect(nextState(site('failed'), 'retry', { workflow: 'bring-up' })).toBe('provisioning');
    expect(nextState(site('failed'), 'retry', { workflow: 'bring-up', activated: true })).toBe('active');
    expect(nextState(site('failed'), 'retry', { workflow: 'drain' })).toBe('draining');
  });

  it('refuses illegal moves with a sentence that names the allowed states', () => {
    expect(() => nextState(site('active'), 'bring-up')).toThrow(AppError);
    expect(() => nextState(site('active'), 'bring-up')).toThrow('Sydney is active: only a site that is planned or stopped can bring up.');
    expect(() => nextState(site('planned'), 'drain')).toThrow(/only a site that is active can drain/);
    expect(() => nextState(site('stopped'), 'force-stop')).toThrow(/stopped/);
    expect(() => nextState(site('planned'), 'fail')).toThrow(/can fail/);
    try {
      nextState(site('planned'), 'retry');
    } catch (err) {
      expect((err as AppError).code).toBe('CONFLICT');
    }
  });

  it('has exactly one rule outcome per (state, event): the table is total and deterministic', () => {
    let legal = 0;
    for (const s of SITE_STATES) for (const e of SITE_EVENTS) if (canApply(s, e)) legal++;
    // bring-up 2, activate 1, drain 1, cancel 1, stop 1, fail 3, retry 1, force-stop 4
    expect(legal).toBe(14);
  });

  it('keeps failure reasons to one bounded line and names the running workflow', () => {
    expect(failureReason('Join the shares', 'Anvil\n  said   no')).toBe('Join the shares: Anvil said no');
    expect(failureReason('x', '')).toBe('x: failed without a message');
    expect(failureReason('x', 'y'.repeat(900))).toHaveLength(500);
    expect(runningWorkflow('provisioning')).toBe('bring-up');
    expect(runningWorkflow('draining')).toBe('drain');
    expect(runningWorkflow('active')).toBeNull();
    expect(describeTransition('London', 'active', 'draining', 'drain')).toBe('London: active → draining (drain)');
  });
});
