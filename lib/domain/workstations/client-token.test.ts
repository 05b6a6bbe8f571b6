import { describe, expect, it } from 'vitest';
import { clientTokenFor, MAX_CLIENT_TOKEN_LENGTH, workstationIdFrom } from './client-token';

describe('clientTokenFor', () => {
  it('is the same for the same intent and different for a new generation', () => {
    expect(clientTokenFor('ws_abc', 1)).toBe('ws_abc-g1');
    expect(clientTokenFor('ws_abc', 1)).toBe(clientTokenFor('ws_abc', 1));
    expect(clientTokenFor('ws_abc', 2)).not.toBe(clientTokenFor('ws_abc', 1));
  });

  it('matches the tokens the demo seed writes', () => {
    expect(clientTokenFor('ws_demo_east_flame_01', 1)).toBe('ws_demo_east_flame_01-g1');
  });

  it('stays within the 64 characters EC2 accepts for the longest id we make', () => {
    const id = workstationIdFrom('f'.repeat(32));
    expect(clientTokenFor(id, 999_999).length).toBeLessThanOrEqual(MAX_CLIENT_TOKEN_LENGTH);
  });

  it('refuses tokens EC2 would reject', () => {
    expect(() => clientTokenFor('x'.repeat(62), 1)).toThrow(/longer than 64/);
    expect(() => clientTokenFor('ws é', 1)).toThrow(/ASCII/);
    expect(() => clientTokenFor('ws_a', 0)).toThrow(/positive integer/);
  });

  it('makes ids only from enough random hex', () => {
    expect(workstationIdFrom('0123456789abcdef')).toBe('ws_0123456789abcdef');
    expect(() => workstationIdFrom('xyz')).toThrow();
  });
});
