import { describe, expect, it } from 'vitest';
import { decideLagAlert, lagAlertKey, lagTone } from './thresholds';

describe('decideLagAlert', () => {
  it('raises once when the lag reaches the threshold', () => {
    expect(decideLagAlert({ lagSeconds: 30, thresholdSeconds: 30, open: false })).toBe('raise');
    expect(decideLagAlert({ lagSeconds: 45, thresholdSeconds: 30, open: true })).toBe('keep');
  });

  it('clears only well below the threshold', () => {
    expect(decideLagAlert({ lagSeconds: 27, thresholdSeconds: 30, open: true })).toBe('keep');
    expect(decideLagAlert({ lagSeconds: 20, thresholdSeconds: 30, open: true })).toBe('resolve');
    expect(decideLagAlert({ lagSeconds: 20, thresholdSeconds: 30, open: false })).toBe('none');
  });

  it('decides nothing without a reading or a threshold', () => {
    expect(decideLagAlert({ lagSeconds: null, thresholdSeconds: 30, open: true })).toBe('keep');
    expect(decideLagAlert({ lagSeconds: 999, thresholdSeconds: 0, open: false })).toBe('none');
  });
});

describe('lagTone', () => {
  it('colours by the threshold', () => {
    expect(lagTone(5, 30)).toBe('ok');
    expect(lagTone(15, 30)).toBe('warn');
    expect(lagTone(30, 30)).toBe('bad');
    expect(lagAlertKey('s', 'a', 'b')).toBe('lag:s:a:b');
  });
});
