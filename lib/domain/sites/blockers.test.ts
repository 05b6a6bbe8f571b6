import { describe, expect, it } from 'vitest';
import type { TFileNode } from '@/lib/domain/hammerspace/types';
import { blockersText, dataBlockers, drainBlockers, holdersOf, isBlocking, isOnlyCopyAt, type TDrainFacts } from './blockers';

const clear: TDrainFacts = {
  site: { id: 's1', name: 'London' },
  anvilError: null,
  shares: [{ shareId: 'sh1', share: 'projects', sendBehind: [{ toSite: 'Studio East', seconds: 0 }], onlyHere: [], truncated: false, error: null }],
  assignments: [],
  dcvSessions: [],
};

describe('drain blockers', () => {
  it('lets a quiet site drain', () => {
    expect(drainBlockers(clear)).toEqual([]);
    expect(isBlocking(drainBlockers(clear))).toBe(false);
  });

  it('blocks on send_behind above 0 and names the share and the peer', () => {
    const b = drainBlockers({ ...clear, shares: [{ ...clear.shares[0]!, sendBehind: [{ toSite: 'Studio East', seconds: 12.4 }, { toSite: 'Studio West', seconds: 0 }] }] });
    expect(b).toHaveLength(1);
    expect(b[0]).toMatchObject({ kind: 'replication', severity: 'block', href: '/replication?share=sh1' });
    expect(b[0]!.message).toContain('Share projects');
    expect(b[0]!.message).toContain('Studio East 12 s');
    expect(b[0]!.message).not.toContain('Studio West');
  });

  it('blocks on files whose only copy is here, showing a few and counting the rest', () => {
    const onlyHere = ['/projects/a.clip', '/projects/b.clip', '/projects/c.clip', '/projects/d.clip', '/projects/e.clip'];
    const [b] = drainBlockers({ ...clear, shares: [{ ...clear.shares[0]!, onlyHere }] });
    expect(b!.kind).toBe('only-copy');
    expect(b!.message).toContain('5 files have their only copy at London: /projects/a.clip, /projects/b.clip, /projects/c.clip and 2 more');
  });

  it('treats what could not be read as blocking, never as safe', () => {
    const b = drainBlockers({ ...clear, anvilError: 'ECONNREFUSED', shares: [{ ...clear.shares[0]!, truncated: true, error: 'timed out' }] });
    expect(b.map((x) => x.kind)).toEqual(['anvil', 'unchecked', 'unchecked']);
    expect(isBlocking(b)).toBe(true);
    expect(dataBlockers(b)).toHaveLength(3);
  });

  it('blocks on active assignments with a reassign link, and only warns about a connected DCV session', () => {
    const b = drainBlockers({
      ...clear,
      assignments: [{ id: 'as1', shotId: 'sh', shot: 'sh010', artist: 'Chloe' }],
      dcvSessions: [{ workstationId: 'w1', workstation: 'london-flare-01', artist: 'Chloe' }],
    });
    expect(b[0]).toMatchObject({ kind: 'assignment', severity: 'block', linkLabel: 'Reassign', href: '/shots/board?assignment=as1' });
    expect(b[1]).toMatchObject({ kind: 'dcv', severity: 'warn', href: '/workstations?ws=w1' });
    expect(dataBlockers(b)).toEqual([]);
    expect(isBlocking(drainBlockers({ ...clear, dcvSessions: [{ workstationId: 'w1', workstation: 'x', artist: null }] }))).toBe(false);
    expect(blockersText(b)).toBe('Chloe is still assigned sh010 at London. Reassign it to an artist at another site.');
  });
});

const file = (replication: TFileNode['replication'], isDirectory = false): TFileNode => ({
  name: 'a', path: '/projects/a', isDirectory, size: 1, modifiedMs: null, remote: null, replication, objectives: [], children: [],
});

describe('data copies', () => {
  it('reads dataPresentAt, falling back to LOCAL access when it is empty', () => {
    expect(isOnlyCopyAt(file({ siteName: 'London', accessDependency: 'LOCAL', cachedCopy: false, dataPresentAt: ['London'] }), 'London')).toBe(true);
    expect(isOnlyCopyAt(file({ siteName: 'London', accessDependency: 'LOCAL', cachedCopy: false, dataPresentAt: ['London', 'Studio East'] }), 'London')).toBe(false);
    expect(isOnlyCopyAt(file({ siteName: 'London', accessDependency: 'LOCAL', cachedCopy: false, dataPresentAt: [] }), 'London')).toBe(true);
    expect(isOnlyCopyAt(file({ siteName: 'Studio East', accessDependency: 'REMOTE', cachedCopy: false, dataPresentAt: [] }), 'London')).toBe(false);
    expect(isOnlyCopyAt(file(null), 'London')).toBe(false);
    expect(isOnlyCopyAt(file({ siteName: 'London', accessDependency: 'LOCAL', cachedCopy: false, dataPresentAt: ['London'] }, true), 'London')).toBe(false);
    expect(holdersOf(file({ siteName: 'x', accessDependency: null, cachedCopy: false, dataPresentAt: ['A', 'A', 'B'] }), 'A')).toEqual(['A', 'B']);
  });
});
