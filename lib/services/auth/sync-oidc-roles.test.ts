import { describe, expect, it } from 'vitest';
import { claimValues, parseRoleMap, rolesFromClaims } from './sync-oidc-roles';

describe('mapping IdP groups and claims to roles', () => {
  const map = parseRoleMap('vfx-it=admin, production=producer,artists=artist,leads=producer,leads=artist,bogus=root,=admin');

  it('reads value=role pairs, lets one value grant several roles, and ignores unknown roles', () => {
    expect(Object.fromEntries(map)).toEqual({ 'vfx-it': ['admin'], production: ['producer'], artists: ['artist'], leads: ['producer', 'artist'] });
  });

  it('maps a list claim, a space- or comma-separated string claim, and nothing for a missing claim', () => {
    expect(rolesFromClaims({ groups: ['everyone', 'vfx-it'] }, 'groups', map)).toEqual(['admin']);
    expect(rolesFromClaims({ groups: 'everyone production,artists' }, 'groups', map)).toEqual(['artist', 'producer']);
    expect(rolesFromClaims({ email: 'x@y' }, 'groups', map)).toEqual([]);
  });

  it('follows dotted paths into nested claims and pools several claims', () => {
    const claims = { realm_access: { roles: ['leads'] }, department: 'vfx-it' };
    expect(claimValues(claims, 'realm_access.roles, department')).toEqual(['leads', 'vfx-it']);
    expect(rolesFromClaims(claims, 'realm_access.roles,department', map)).toEqual(['admin', 'artist', 'producer']);
  });

  it('prefers a claim literally named with a dot (some IdPs use URLs as claim names)', () => {
    expect(claimValues({ 'https://studio.example/groups': ['artists'] }, 'https://studio.example/groups')).toEqual(['artists']);
  });

  it('does not match a group by substring or case', () => {
    expect(rolesFromClaims({ groups: ['vfx-it-alumni', 'VFX-IT', 'production '] }, 'groups', map)).toEqual([]);
  });
});
