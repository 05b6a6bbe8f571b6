import { describe, expect, it } from 'vitest';
import { buildLagMatrix, worstLag, type TMatrixSite } from './matrix';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const iso = (agoMs: number) => new Date(NOW - agoMs).toISOString();
const site = (id: string, unreachableSince: string | null = null): TMatrixSite => ({ id, name: id.toUpperCase(), region: id, unreachableSince, skewed: false });
const lag = (fromSiteId: string, toSiteId: string, lagSeconds: number, agoMs = 5_000) => ({ fromSiteId, toSiteId, lagSeconds, at: iso(agoMs), source: 'canary', skewFlag: false });

describe('buildLagMatrix', () => {
  it('puts each pair at row from, column to, coloured by the threshold', () => {
    const rows = buildLagMatrix([site('e'), site('w')], [lag('w', 'e', 7.1), lag('e', 'w', 40)], 30, NOW);
    expect(rows.map((r) => r.cells.map((c) => c.kind))).toEqual([['self', 'lag'], ['lag', 'self']]);
    const we = rows[1]?.cells[0];
    expect(we).toMatchObject({ kind: 'lag', fromId: 'w', toId: 'e', tone: 'ok', stale: false });
    expect(rows[0]?.cells[1]).toMatchObject({ tone: 'bad' });
  });

  it('says unreachable (since the earliest outage) instead of an old number', () => {
    const since = iso(120_000);
    const rows = buildLagMatrix([site('e'), site('w', since), site('l')], [lag('w', 'e', 3, 200_000)], 30, NOW);
    expect(rows[1]?.cells[0]).toMatchObject({ kind: 'unreachable', since, last: { lagSeconds: 3 } });
    expect(rows[0]?.cells[1]).toMatchObject({ kind: 'unreachable', since, last: null });
    expect(rows[0]?.cells[2]).toMatchObject({ kind: 'no-data' });
  });

  it('marks old samples stale and leaves them out of the worst lag', () => {
    const rows = buildLagMatrix([site('e'), site('w')], [lag('w', 'e', 90, 120_000), lag('e', 'w', 4)], 30, NOW);
    expect(rows[1]?.cells[0]).toMatchObject({ stale: true });
    expect(worstLag(rows)).toEqual({ fromId: 'e', toId: 'w', lagSeconds: 4, tone: 'ok' });
    expect(worstLag(buildLagMatrix([site('e')], [], 30, NOW))).toBeNull();
  });
});
