import { describe, expect, it } from 'vitest';
import { formatAge, localityBadges, type TSiteListing } from './locality';

const NOW = 1_800_000_000_000;
const file = (path: string, modifiedMs: number, dataPresentAt: string[]) => ({ path, size: 10, modifiedMs, dataPresentAt });

describe('localityBadges', () => {
  it('East ✓, West 7 s behind, London partly local', () => {
    const newClip = NOW - 7_000;
    const listings: TSiteListing[] = [
      { siteId: 'e', siteName: 'East', ok: true, files: [file('sh.clip', newClip, ['East', 'West']), file('batch/a.batch', NOW - 60_000, ['East'])] },
      { siteId: 'w', siteName: 'West', ok: true, files: [file('sh.clip', NOW - 90_000, ['East']), file('batch/a.batch', NOW - 60_000, ['West'])] },
      { siteId: 'l', siteName: 'London', ok: true, files: [file('sh.clip', newClip, ['East']), file('batch/a.batch', NOW - 60_000, ['London'])] },
    ];
    const badges = localityBadges(listings, NOW);
    expect(badges.map((b) => b.label)).toEqual(['East ✓', 'West 7 s behind', 'London · 1/2 local']);
    expect(badges[1]).toMatchObject({ state: 'behind', behindSeconds: 7 });
  });

  it('a file a site has never heard of makes it behind by that file’s age', () => {
    const badges = localityBadges(
      [
        { siteId: 'e', siteName: 'East', ok: true, files: [file('a', NOW - 1000, ['East'])] },
        { siteId: 'w', siteName: 'West', ok: true, files: [file('a', NOW - 1000, ['West']), file('b', NOW - 3000, ['West'])] },
      ],
      NOW,
    );
    expect(badges.map((b) => b.label)).toEqual(['East 3 s behind', 'West ✓']);
  });

  it('an Anvil that did not answer is unknown, never fine; an empty folder is empty', () => {
    const badges = localityBadges(
      [
        { siteId: 'e', siteName: 'East', ok: true, files: [] },
        { siteId: 's', siteName: 'Sydney', ok: false, error: 'connection refused' },
      ],
      NOW,
    );
    expect(badges.map((b) => [b.state, b.label])).toEqual([['empty', 'East —'], ['unknown', 'Sydney ?']]);
    expect(badges[1]?.detail).toContain('connection refused');
  });

  it('formats ages for people', () => {
    expect([0.2, 7.4, 250, 7300, 200_000].map(formatAge)).toEqual(['<1 s', '7 s', '4 min', '2 h', '2 d']);
  });
});
