import { describe, expect, it } from 'vitest';
import { decideIdle, idleRunStart, plannedStopAt, type MetricPoint } from './idle';

const now = new Date('2026-11-25T12:00:00Z');
const policy = { stopMinutes: 120, warnMinutes: 10, thresholdPercent: 5 };
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
/** One sample a minute from `from` minutes ago to now, with the value `f(minutesAgo)`. */
const series = (from: number, f: (m: number) => number): MetricPoint[] => Array.from({ length: from + 1 }, (_, i) => ({ at: minutesAgo(from - i), value: f(from - i) }));

const decide = (cpu: MetricPoint[], over: Partial<Parameters<typeof decideIdle>[0]> = {}) =>
  decideIdle({ policy, cpu, gpu: [], idleSince: null, idleWarnedAt: null, now, ...over });

describe('idleRunStart', () => {
  it('starts after the last busy sample, in any order', () => {
    const pts = [...series(30, (m) => (m === 12 ? 80 : 1))].reverse();
    expect(idleRunStart(pts, 5)).toEqual(minutesAgo(11));
    expect(idleRunStart(series(5, (m) => (m === 0 ? 50 : 1)), 5)).toBeNull();
    expect(idleRunStart([], 5)).toBeNull();
  });
});

describe('decideIdle', () => {
  it('does nothing without data and marks a quiet machine idle', () => {
    expect(decide([])).toEqual({ kind: 'none' });
    expect(decide(series(30, () => 1))).toEqual({ kind: 'mark-idle', since: minutesAgo(30) });
    expect(decide(series(30, () => 1), { idleSince: minutesAgo(30) })).toEqual({ kind: 'none' });
  });

  it('warns when the stop is warnMinutes away, with the time it will stop', () => {
    const d = decide(series(125, () => 2));
    expect(d).toEqual({ kind: 'warn', since: minutesAgo(125), stopAt: new Date(now.getTime() + 10 * 60_000) });
    expect(decide(series(111, () => 2))).toMatchObject({ kind: 'warn', stopAt: minutesAgo(-10) });
    expect(decide(series(100, () => 2))).toMatchObject({ kind: 'mark-idle' });
  });

  it('stops only after the artist had the full warning period', () => {
    const idle = series(125, () => 2);
    expect(decide(idle, { idleWarnedAt: minutesAgo(3) })).toEqual({ kind: 'none' });
    expect(decide(idle, { idleWarnedAt: minutesAgo(10) })).toEqual({ kind: 'stop', since: minutesAgo(125), idleMinutes: 125 });
  });

  it('clears the warning as soon as the machine is used again', () => {
    expect(decide(series(60, (m) => (m < 2 ? 40 : 1)), { idleWarnedAt: minutesAgo(5), idleSince: minutesAgo(115) })).toEqual({ kind: 'clear' });
    expect(decide(series(60, (m) => (m < 2 ? 40 : 1)))).toEqual({ kind: 'none' });
  });

  it('keeps a machine awake while its GPU is busy, even with an idle CPU', () => {
    expect(decide(series(130, () => 1), { gpu: series(130, (m) => (m < 20 ? 90 : 0)) })).toEqual({ kind: 'none' });
    expect(decide(series(130, () => 1), { gpu: series(130, (m) => (m > 40 ? 90 : 0)) })).toEqual({ kind: 'mark-idle', since: minutesAgo(40) });
  });

  it('tells the artist when a warned machine stops', () => {
    expect(plannedStopAt(minutesAgo(2), minutesAgo(115), policy)).toEqual(new Date(now.getTime() + 8 * 60_000));
    expect(plannedStopAt(null, minutesAgo(115), policy)).toBeNull();
  });
});
