import { describe, expect, it } from 'vitest';
import { confirmsTermination, desiredFor, refusalFor, terminateConfirmation } from './requests';

describe('workstation requests', () => {
  it('refuses anything on a terminated machine and start/stop on a lost one', () => {
    expect(refusalFor('stop', { name: 'w1', desiredState: 'terminated', lost: false })).toBe('w1 is terminated.');
    expect(refusalFor('start', { name: 'w1', desiredState: 'running', lost: true })).toMatch(/relaunch or terminate/);
    expect(refusalFor('terminate', { name: 'w1', desiredState: 'running', lost: true })).toBeNull();
    expect(refusalFor('stop', { name: 'w1', desiredState: 'stopped', lost: false })).toBeNull();
  });

  it('needs the name typed for one machine and the count phrase for several', () => {
    expect(terminateConfirmation(['west-flame-01'])).toBe('west-flame-01');
    expect(confirmsTermination(['west-flame-01'], ' west-flame-01 ')).toBe(true);
    expect(confirmsTermination(['west-flame-01'], 'west-flame-02')).toBe(false);
    expect(confirmsTermination(['a', 'b', 'c'], 'terminate 3 workstations')).toBe(true);
    expect(confirmsTermination(['a', 'b', 'c'], 'a')).toBe(false);
  });

  it('maps verbs to the desired state', () => {
    expect(['start', 'stop', 'terminate'].map((v) => desiredFor(v as 'start'))).toEqual(['running', 'stopped', 'terminated']);
  });
});
