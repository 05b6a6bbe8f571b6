import { describe, expect, it } from 'vitest';
import { canaryReading, effectiveLag, formatLag, participantLagBySite, sendBehindBySite, SEND_BEHIND_METRIC } from './lag';

describe('canaryReading', () => {
  it('times an arrived canary from write to first sight', () => {
    expect(canaryReading({ writtenAtMs: 10_000, seenAtMs: 17_250, visibleValueMs: 10_000, nowMs: 18_000 })).toEqual({ source: 'canary', seconds: 7.25, lowerBound: false });
  });

  it('falls back to the age of the newest visible canary when the new one has not arrived', () => {
    const r = canaryReading({ writtenAtMs: 100_000, seenAtMs: null, visibleValueMs: 40_000, nowMs: 110_000 });
    expect(r).toEqual({ source: 'canary', seconds: 70, lowerBound: true });
  });

  it('uses the write time when the peer has never shown a canary', () => {
    expect(canaryReading({ writtenAtMs: 100_000, seenAtMs: null, visibleValueMs: null, nowMs: 112_000 }).seconds).toBe(12);
  });

  it('never reports a negative lag', () => {
    expect(canaryReading({ writtenAtMs: 10_000, seenAtMs: 9_000, visibleValueMs: null, nowMs: 10_000 }).seconds).toBe(0);
  });
});

describe('sources', () => {
  const samples = [
    { name: SEND_BEHIND_METRIC, labels: { share: 'projects', from_site: 'Studio West', to_site: 'Studio East' }, value: 4.5 },
    { name: SEND_BEHIND_METRIC, labels: { share: 'projects', from_site: 'Studio West', to_site: 'London' }, value: 0 },
    { name: SEND_BEHIND_METRIC, labels: { share: 'other', from_site: 'Studio West', to_site: 'London' }, value: 99 },
    { name: SEND_BEHIND_METRIC, labels: { share: 'projects', from_site: 'London', to_site: 'Studio East' }, value: 50 },
    { name: 'hammerspace_filesystem_replication_recv_behind', labels: { share: 'projects', from_site: 'Studio West', to_site: 'Studio East' }, value: 80 },
  ];

  it('reads send_behind of one sender and share only', () => {
    expect([...sendBehindBySite(samples, 'projects', 'Studio West')]).toEqual([['Studio East', 4.5], ['London', 0]]);
  });

  it('reads participants latency by member name', () => {
    const p = (name: string, sendSecs: number | null) => ({
      name, participantId: 1, shareName: 'projects', operState: 'UP', operStateReason: null,
      latency: sendSecs === null ? null : { sendSecs, receiveSecs: 0, timestampMs: 0 },
    });
    expect([...participantLagBySite([p('Studio East', 3), p('London', null)])]).toEqual([['Studio East', 3]]);
  });
});

describe('effectiveLag', () => {
  it('takes the worst reading', () => {
    expect(effectiveLag([
      { source: 'canary', seconds: 7.2, lowerBound: false },
      { source: 'send_behind', seconds: 9, lowerBound: false },
      { source: 'participant', seconds: 8, lowerBound: false },
    ])).toEqual({ seconds: 9, source: 'send_behind' });
  });

  it('prefers the canary on a tie and ignores non-finite readings', () => {
    expect(effectiveLag([
      { source: 'participant', seconds: 5, lowerBound: false },
      { source: 'canary', seconds: 5, lowerBound: false },
      { source: 'send_behind', seconds: Number.NaN, lowerBound: false },
    ])).toEqual({ seconds: 5, source: 'canary' });
    expect(effectiveLag([])).toBeNull();
  });
});

describe('formatLag', () => {
  it('reads naturally at every scale', () => {
    expect(formatLag(7.24)).toBe('7.2 s');
    expect(formatLag(42.4)).toBe('42 s');
    expect(formatLag(185)).toBe('3 min 05 s');
    expect(formatLag(7800)).toBe('2 h 10 min');
  });
});
