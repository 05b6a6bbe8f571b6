import { describe, expect, it } from 'vitest';
import { mapPath, mapToSite, normalizeRelative, relativeToRoot } from './path-map';

const EAST = '/mnt/hs/east/projects';
const WEST = '/mnt/hs/west/projects';

describe('mapPath', () => {
  it('swaps the site root east ↔ west', () => {
    expect(mapPath(`${EAST}/acme/sequences/sq1/sh010/sh010.clip`, EAST, WEST)).toBe(`${WEST}/acme/sequences/sq1/sh010/sh010.clip`);
    expect(mapPath(`${WEST}/acme/x.exr`, WEST, EAST)).toBe(`${EAST}/acme/x.exr`);
    expect(mapPath(EAST, EAST, WEST)).toBe(WEST);
  });

  it('matches whole segments only and returns null outside the root', () => {
    expect(mapPath('/mnt/hs/eastern/projects/a', '/mnt/hs/east', '/mnt/hs/west')).toBeNull();
    expect(mapPath('/other/a', EAST, WEST)).toBeNull();
  });

  it('tolerates trailing and doubled slashes, backslashes and macOS mounts', () => {
    expect(mapPath(`${EAST}//acme/./x.exr`, `${EAST}/`, `${WEST}/`)).toBe(`${WEST}/acme/x.exr`);
    expect(mapPath('/Volumes/projects/acme/x.exr', '/Volumes/projects', EAST)).toBe(`${EAST}/acme/x.exr`);
    expect(mapPath('P:\\projects\\acme\\x.exr', 'P:/projects', EAST)).toBe(`${EAST}/acme/x.exr`);
    expect(mapPath('/a/b', '/', '/mnt')).toBe('/mnt/a/b');
  });

  it('keeps frame patterns and tokens intact', () => {
    expect(mapPath(`${EAST}/a/sh.[1001-1100].exr`, EAST, WEST)).toBe(`${WEST}/a/sh.[1001-1100].exr`);
  });

  it('never maps a path that climbs out with ..', () => {
    expect(mapPath(`${EAST}/../../etc/passwd`, EAST, WEST)).toBeNull();
  });
});

describe('mapToSite', () => {
  const roots = [
    { site: 'east', root: EAST },
    { site: 'west', root: WEST },
    { site: 'east', root: '/Volumes/east_projects' },
    { site: 'archive', root: '/mnt/hs' },
  ];

  it('finds the site a path belongs to (longest root wins) and maps it', () => {
    expect(mapToSite(`${EAST}/acme/x.clip`, roots, 'west')).toEqual({ fromSite: 'east', path: `${WEST}/acme/x.clip` });
    expect(mapToSite('/Volumes/east_projects/acme/x.clip', roots, 'west')).toEqual({ fromSite: 'east', path: `${WEST}/acme/x.clip` });
    expect(mapToSite(`${WEST}/acme/x.clip`, roots, 'east')).toEqual({ fromSite: 'west', path: `${EAST}/acme/x.clip` });
    expect(mapToSite('/mnt/hs/other/x', roots, 'east')).toEqual({ fromSite: 'archive', path: `${EAST}/other/x` });
  });

  it('returns null for unknown paths or sites', () => {
    expect(mapToSite('/tmp/x', roots, 'west')).toBeNull();
    expect(mapToSite(`${EAST}/x`, roots, 'mars')).toBeNull();
  });
});

describe('relative paths', () => {
  it('relativeToRoot strips the root or says the path is elsewhere', () => {
    expect(relativeToRoot(`${EAST}/acme/a.clip`, EAST)).toBe('acme/a.clip');
    expect(relativeToRoot(EAST, `${EAST}/`)).toBe('');
    expect(relativeToRoot('/mnt/hs/eastern', '/mnt/hs/east')).toBeNull();
  });

  it('normalizeRelative cleans and refuses escapes', () => {
    expect(normalizeRelative('/a//b/./c/')).toBe('a/b/c');
    expect(normalizeRelative('a\\b')).toBe('a/b');
    expect(normalizeRelative('a/../b')).toBeNull();
    expect(normalizeRelative('./')).toBeNull();
  });
});
