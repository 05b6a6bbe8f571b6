import { describe, expect, it } from 'vitest';
import { studioWideApplications } from './bring-up-plan';

const members = new Map([['projects', ['east', 'west', 'london']]]);
const app = (objectiveId: string, siteId: string, path = '/') => ({ objectiveId, shareId: 'projects', path, siteId });

describe('studio-wide objectives', () => {
  it('copies what every other participant holds, per share path', () => {
    const apps = [
      ...['east', 'west', 'london'].map((s) => app('clips-everywhere', s)),
      app('clips-home', 'east'),
      app('keep-local', 'east', '/show/sh010'), app('keep-local', 'west', '/show/sh010'),
      ...['east', 'west', 'london'].map((s) => app('deep', s, '/show')),
    ];
    expect(studioWideApplications(apps, members)).toEqual([
      { objectiveId: 'clips-everywhere', shareId: 'projects', path: '/' },
      { objectiveId: 'deep', shareId: 'projects', path: '/show' },
    ]);
  });

  it('never copies a home-only preset, and copies nothing for a share without other members', () => {
    const apps = ['east', 'west', 'london'].map((s) => app('studio-open-clips-local', s));
    expect(studioWideApplications(apps, members, new Set(['studio-open-clips-local']))).toEqual([]);
    expect(studioWideApplications(apps, new Map([['projects', []]]))).toEqual([]);
    expect(studioWideApplications(apps, new Map())).toEqual([]);
  });
});
