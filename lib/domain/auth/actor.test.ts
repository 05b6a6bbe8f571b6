import { describe, expect, it } from 'vitest';
import { homePath, requireRole, systemActor, type Actor } from './actor';
import { navFor } from './navigation';

const artist: Actor = { kind: 'user', userId: 'u1', email: 'a@x', name: 'A', roles: ['artist'] };

describe('requireRole', () => {
  it('lets a holder of the role through and refuses others with FORBIDDEN', () => {
    expect(requireRole(systemActor('reconciler'), 'admin').roles).toContain('admin');
    expect(() => requireRole(artist, 'admin')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
  it('refuses a missing actor with UNAUTHENTICATED', () => {
    expect(() => requireRole(null, 'artist')).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});

describe('navigation', () => {
  it('shows artists only their own page', () => {
    expect(navFor(['artist']).map((n) => n.href)).toEqual(['/me']);
    expect(homePath(['artist'])).toBe('/me');
  });
  it('shows admins every console section', () => {
    expect(navFor(['admin']).map((n) => n.label)).toEqual(['Overview', 'Regions', 'Workstations', 'Shots', 'Objectives', 'Replication', 'Audit', 'Webhooks']);
  });
  it('gives a user with several roles the union', () => {
    expect(navFor(['producer', 'artist']).map((n) => n.href)).toEqual(['/overview', '/shots', '/me']);
  });
});
