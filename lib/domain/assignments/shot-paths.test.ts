import { describe, expect, it } from 'vitest';
import { namespacePath, pathAtSite, relativeShotPath, shareForRoot, sharePathOf } from './shot-paths';

const sites = [
  { siteId: 'east', publishRoot: '/mnt/hs/east/projects' },
  { siteId: 'west', publishRoot: '/mnt/hs/west/projects/' },
  { siteId: 'lon', publishRoot: null },
];

describe('shot paths between sites', () => {
  it('reads relative folders as they are, and absolute ones under whichever site root claims them', () => {
    expect(relativeShotPath('acme/sequences/sq010/sh010', sites)).toBe('acme/sequences/sq010/sh010');
    expect(relativeShotPath('/mnt/hs/west/projects/acme/sh010', sites)).toBe('acme/sh010');
    expect(relativeShotPath('/mnt/hs/eastern/projects/acme/sh010', sites)).toBeNull();
    expect(relativeShotPath('../etc/passwd', sites)).toBeNull();
  });

  it('maps a folder or a Batch setup onto the artist’s site', () => {
    expect(pathAtSite('acme/sq010/sh010', sites, 'west')).toBe('/mnt/hs/west/projects/acme/sq010/sh010');
    expect(pathAtSite('/mnt/hs/east/projects/acme/sh010/batch/sh010_v002.batch', sites, 'west')).toBe('/mnt/hs/west/projects/acme/sh010/batch/sh010_v002.batch');
  });

  it('gives null when the site has no projects root or the path belongs to no site', () => {
    expect(pathAtSite('acme/sh010', sites, 'lon')).toBeNull();
    expect(pathAtSite('/Volumes/other/sh010', sites, 'east')).toBeNull();
    expect(pathAtSite(null, sites, 'east')).toBeNull();
  });

  it('finds the share of a projects root and builds share and namespace paths', () => {
    const shares = [{ name: 'projects', path: '/projects' }, { name: 'library', path: '/library' }];
    expect(shareForRoot('/data/sites/us-east-1/projects', shares)?.name).toBe('projects');
    expect(shareForRoot('/elsewhere/jobs', shares)).toBeNull();
    expect(shareForRoot('/elsewhere/jobs', [shares[1]!])?.name).toBe('library');
    expect(sharePathOf('acme/sh010')).toBe('/acme/sh010');
    expect(namespacePath('/projects/', 'acme/sh010')).toBe('/projects/acme/sh010');
  });
});
