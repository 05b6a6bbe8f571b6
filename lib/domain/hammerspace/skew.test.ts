import { describe, expect, it } from 'vitest';
import { clockOffset, describeSkew, isSkewed } from './skew';

describe('clock skew', () => {
  it('measures the offset against the midpoint of the round trip', () => {
    expect(clockOffset({ sentAtMs: 1_000, receivedAtMs: 1_200, remoteMs: 6_100 })).toEqual({ offsetMs: 5_000, uncertaintyMs: 100 });
  });

  it('flags only offsets beyond tolerance plus uncertainty', () => {
    expect(isSkewed({ offsetMs: 5_000, uncertaintyMs: 100 })).toBe(true);
    expect(isSkewed({ offsetMs: -5_000, uncertaintyMs: 100 })).toBe(true);
    expect(isSkewed({ offsetMs: 2_050, uncertaintyMs: 100 })).toBe(false);
    expect(isSkewed({ offsetMs: 300, uncertaintyMs: 5 })).toBe(false);
  });

  it('says which way the clock is off', () => {
    expect(describeSkew(5_000)).toBe('5.0 s ahead of the control plane');
    expect(describeSkew(-2_500)).toBe('2.5 s behind the control plane');
  });
});
