import { describe, expect, it } from 'vitest';
import { confirmsSiteName, ZBringUpOptions, ZRegisterSite } from './registration';
import { findRemoteSite, isParticipant, remoteAddress } from './bring-up-plan';

describe('registering a site', () => {
  it('accepts a region and an Anvil URL, trimming the trailing slash', () => {
    const r = ZRegisterSite.parse({ name: ' Sydney ', region: 'ap-southeast-2', anvilUrl: 'http://127.0.0.1:4623/mgmt/v1.2/rest/', anvilUsername: 'admin', anvilPassword: 'pw' });
    expect(r).toMatchObject({ name: 'Sydney', region: 'ap-southeast-2', anvilUrl: 'http://127.0.0.1:4623/mgmt/v1.2/rest', trustSelfSigned: false });
  });

  it('refuses what is not a region or not an http(s) URL, with a message per field', () => {
    const bad = ZRegisterSite.safeParse({ name: '', region: 'sydney', anvilUrl: 'ftp://x', anvilUsername: '' });
    expect(bad.success).toBe(false);
    const fields = new Set(bad.error!.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(['name', 'region', 'anvilUrl', 'anvilUsername']));
    expect(ZRegisterSite.safeParse({ name: 'x', region: 'us-gov-west-1', anvilUrl: 'https://a', anvilUsername: 'u' }).success).toBe(true);
  });

  it('bounds the workstations a bring-up launches, and compares typed names exactly', () => {
    expect(ZBringUpOptions.parse({ siteId: 's' }).workstations).toBe(0);
    expect(ZBringUpOptions.safeParse({ siteId: 's', workstations: 21 }).success).toBe(false);
    expect(confirmsSiteName('London', ' London ')).toBe(true);
    expect(confirmsSiteName('London', 'london')).toBe(false);
    expect(confirmsSiteName('London', undefined)).toBe(false);
  });
});

describe('namespace membership', () => {
  const sites = [
    { name: 'Studio East', uuid: '1', type: 'LOCAL' as const, mgmtAddress: '127.0.0.1:4620' },
    { name: 'syd-anvil', uuid: '2', type: 'REMOTE' as const, mgmtAddress: '127.0.0.1:4623' },
  ];
  it('finds the new site at the home Anvil by address, then by name', () => {
    expect(findRemoteSite(sites, { anvilName: 'Sydney', anvilUrl: 'http://127.0.0.1:4623/mgmt/v1.2/rest' })?.uuid).toBe('2');
    expect(findRemoteSite(sites, { anvilName: 'syd-anvil', anvilUrl: 'http://10.0.0.9:8443/x' })?.uuid).toBe('2');
    expect(findRemoteSite(sites, { anvilName: 'Studio East', anvilUrl: 'http://127.0.0.1:4620/x' })).toBeNull();
    expect(remoteAddress('http://127.0.0.1:4623/mgmt/v1.2/rest')).toBe('127.0.0.1:4623');
  });
  it('tells whether a share lists the site as a participant', () => {
    const p = { name: 'Sydney', participantId: 4, shareName: 'projects', operState: 'UP', operStateReason: null, latency: null };
    expect(isParticipant([p], 'Sydney')).toBe(true);
    expect(isParticipant([p], 'London')).toBe(false);
  });
});
