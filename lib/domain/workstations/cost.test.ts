import { describe, expect, it } from 'vitest';
import { billedMs, formatUsd, hourlyCost, monthStartUtc, monthToDateUsd } from './cost';

const prices = new Map([['g5.4xlarge', 1.624], ['g4dn.2xlarge', 0.752]]);
const t = (iso: string) => new Date(`2026-11-${iso}Z`);

describe('hourlyCost', () => {
  it('sums only running machines and names the types without a price', () => {
    const out = hourlyCost(
      [
        { instanceType: 'g5.4xlarge', observedState: 'running' },
        { instanceType: 'g5.4xlarge', observedState: 'running' },
        { instanceType: 'g4dn.2xlarge', observedState: 'stopped' },
        { instanceType: 'g4dn.2xlarge', observedState: 'pending' },
        { instanceType: 'p5.48xlarge', observedState: 'running' },
      ],
      prices,
    );
    expect(out).toEqual({ usdPerHour: 3.248, billed: 3, unpricedTypes: ['p5.48xlarge'] });
  });
});

describe('billedMs and month-to-date', () => {
  const H = 3_600_000;
  it('counts running intervals between state changes, in any order', () => {
    const changes = [
      { at: t('25T12:00:00'), state: 'stopping' },
      { at: t('25T10:00:00'), state: 'running' },
      { at: t('25T12:01:00'), state: 'stopped' },
      { at: t('25T13:00:00'), state: 'running' },
    ];
    expect(billedMs('pending', changes, t('25T00:00:00'), t('25T14:00:00'))).toBe(3 * H);
  });

  it('takes the state at the start of the window from before it', () => {
    expect(billedMs('running', [], t('01T00:00:00'), t('02T00:00:00'))).toBe(24 * H);
    expect(billedMs('stopped', [], t('01T00:00:00'), t('02T00:00:00'))).toBe(0);
  });

  it('costs a machine running since the month began at its hourly price', () => {
    const now = t('03T00:00:00');
    expect(monthStartUtc(now).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(monthToDateUsd({ instanceType: 'g5.4xlarge', initial: 'running', changes: [] }, prices, now)).toBeCloseTo(48 * 1.624, 6);
    expect(monthToDateUsd({ instanceType: 'unknown', initial: 'running', changes: [] }, prices, now)).toBe(0);
  });

  it('formats dollars', () => {
    expect(formatUsd(1234.5)).toBe('$1,234.50');
  });
});
