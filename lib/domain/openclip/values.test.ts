import { describe, expect, it } from 'vitest';
import { parseCreationDate, readUserData, userDataInt, userDataValue } from './values';
import { parseOpenClip } from './parse';
import { scanXml } from './xml-scan';

describe('edge 21: creationDate is free text', () => {
  it('edge 21: reads Flame, tk-nuke and ISO spellings as wall-clock time', () => {
    expect(parseCreationDate('2014/12/09 22:22:48')).toEqual({ raw: '2014/12/09 22:22:48', iso: '2014-12-09T22:22:48' });
    expect(parseCreationDate('2014-12-09 22:22:48')?.iso).toBe('2014-12-09T22:22:48');
    expect(parseCreationDate('2014-12-09T22:22:48.123Z')?.iso).toBe('2014-12-09T22:22:48');
    expect(parseCreationDate('2014/12/09')?.iso).toBe('2014-12-09T00:00:00');
  });

  it('edge 21: reads prose dates like the Autodesk examples', () => {
    expect(parseCreationDate('January 12, 2025')?.iso).toBe('2025-01-12T00:00:00');
    expect(parseCreationDate('Jan 12 2025 3:04 pm')?.iso).toBe('2025-01-12T15:04:00');
    expect(parseCreationDate('12 March 2026, 09:15:30')?.iso).toBe('2026-03-12T09:15:30');
  });

  it('edge 21: keeps the raw text and a null iso when unreadable or impossible', () => {
    expect(parseCreationDate('yesterday-ish')).toEqual({ raw: 'yesterday-ish', iso: null });
    expect(parseCreationDate('2025/02/30 10:00:00')?.iso).toBeNull();
    expect(parseCreationDate('2024/02/29 10:00:00')?.iso).toBe('2024-02-29T10:00:00');
    expect(parseCreationDate('Smarch 3, 2025')?.iso).toBeNull();
    expect(parseCreationDate(null)).toBeNull();
  });
});

describe('edge 22: userData types are kept raw', () => {
  const xml = `<userData type="dict">
    <versionNumber type="uint64">7</versionNumber>
    <blob type="binary">AAECAwQ=</blob>
    <header type="bytes">00ff10ab</header>
    <tc type="time"><rate>24</rate><nbTicks>10</nbTicks></tc>
    <asc type="ascii"> spaced </asc>
    <nested type="dict"><deeper type="dict"><flag type="bool">1</flag></deeper></nested>
    <untyped>x</untyped>
  </userData>`;

  it('edge 22: flattens nested dicts and keeps every value as {type, raw}', () => {
    const r = scanXml(xml, { maxDepth: 10, maxElements: 100 });
    if (!r.ok) throw new Error(r.error.reason);
    const entries = readUserData(r.root);
    expect(entries).toEqual([
      { path: 'versionNumber', type: 'uint64', raw: '7' },
      { path: 'blob', type: 'binary', raw: 'AAECAwQ=' },
      { path: 'header', type: 'bytes', raw: '00ff10ab' },
      { path: 'tc', type: 'time', raw: '' },
      { path: 'tc/rate', type: null, raw: '24' },
      { path: 'tc/nbTicks', type: null, raw: '10' },
      { path: 'asc', type: 'ascii', raw: ' spaced ' },
      { path: 'nested', type: 'dict', raw: '' },
      { path: 'nested/deeper', type: 'dict', raw: '' },
      { path: 'nested/deeper/flag', type: 'bool', raw: '1' },
      { path: 'untyped', type: null, raw: 'x' },
    ]);
    expect(userDataInt(entries, 'versionNumber')).toBe(7);
    expect(userDataValue(entries, 'asc')).toBe('spaced');
    expect(userDataInt(entries, 'blob')).toBeNull();
  });

  it('edge 22: a large opaque Bytes value is carried through undecoded', () => {
    const big = 'ab'.repeat(50_000);
    const clip = `<clip version="9"><userData type="dict"><exif type="bytes">${big}</exif></userData></clip>`;
    const r = parseOpenClip(clip, { clipPath: '/a.clip' });
    expect(r.ok && r.clip.userData).toEqual([{ path: 'exif', type: 'bytes', raw: big }]);
  });
});
