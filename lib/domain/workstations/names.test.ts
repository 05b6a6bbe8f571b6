import { describe, expect, it } from 'vitest';
import { namePrefix, nextWorkstationNames } from './names';
import { ZLaunchProfile, ZLaunchRequest } from './profile';

describe('workstation names', () => {
  it('follows the demo studio’s pattern', () => {
    expect(namePrefix('Studio West', 'flame')).toBe('west-flame');
    expect(namePrefix('London', 'flare')).toBe('london-flare');
    expect(namePrefix('São Paulo', 'flame_assist')).toBe('paulo-assist');
  });

  it('continues after the highest number taken and ignores other prefixes', () => {
    expect(nextWorkstationNames('west-flame', ['west-flame-01', 'west-flame-07', 'west-flare-09', 'west-flame-x'], 3)).toEqual(['west-flame-08', 'west-flame-09', 'west-flame-10']);
    expect(nextWorkstationNames('east-flame', [], 1)).toEqual(['east-flame-01']);
  });
});

describe('launch validation', () => {
  it('accepts a full profile and explains what is wrong with a bad one', () => {
    const ok = ZLaunchProfile.safeParse({ siteId: 's', name: 'Flame', kind: 'flame', amiId: 'ami-0123456789abcdef0', instanceTypes: ['g5.4xlarge', 'g6e.4xlarge'], volumeSizeGb: '500' });
    expect(ok.success && ok.data.volumeSizeGb).toBe(500);
    const bad = ZLaunchProfile.safeParse({ siteId: 's', name: '', kind: 'flame', amiId: 'ami-x', instanceTypes: ['big one'], volumeSizeGb: 10 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual(expect.arrayContaining(['Give the profile a name', 'An AMI id looks like ami-0123456789abcdef0', 'Not an EC2 instance type', 'At least 50 GB']));
  });

  it('caps a launch at 20 machines', () => {
    expect(ZLaunchRequest.safeParse({ siteId: 's', profileId: 'p', instanceType: 'g5.4xlarge', count: 21 }).success).toBe(false);
    expect(ZLaunchRequest.parse({ siteId: 's', profileId: 'p', instanceType: 'g5.4xlarge', count: '3' })).toMatchObject({ count: 3, artistId: null });
  });
});
