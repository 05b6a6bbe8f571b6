import { describe, expect, it } from 'vitest';
import { formatTimecode, makeRate, parseRate, parseTime, timeToFrames } from './timing';
import { scanXml } from './xml-scan';
import type { TXmlElement } from './xml-node';

const el = (xml: string): TXmlElement => {
  const r = scanXml(xml, { maxDepth: 10, maxElements: 100 });
  if (!r.ok) throw new Error(r.error.reason);
  return r.root;
};
const rate = (n: number, d = 1) => makeRate(n, d)!;

describe('rates', () => {
  it('reads text and numerator/denominator forms', () => {
    expect(parseRate(el('<rate>24</rate>'))).toEqual({ numerator: 24, denominator: 1, fps: 24 });
    expect(parseRate(el('<rate><numerator>24000</numerator><denominator>1001</denominator></rate>'))?.fps).toBeCloseTo(23.976, 3);
    expect(parseRate(el('<rate>48000</rate>'))?.fps).toBe(48000);
  });

  it('maps decimal NTSC spellings to their exact fractions', () => {
    expect(parseRate(el('<rate>23.976</rate>'))).toMatchObject({ numerator: 24000, denominator: 1001 });
    expect(parseRate(el('<rate>29.97</rate>'))).toMatchObject({ numerator: 30000, denominator: 1001 });
    expect(parseRate(el('<rate>12.5</rate>'))).toMatchObject({ numerator: 12500, denominator: 1000 });
  });

  it('rejects zero, negative and non-numeric rates', () => {
    expect(parseRate(el('<rate><numerator>24</numerator><denominator>0</denominator></rate>'))).toBeNull();
    expect(parseRate(el('<rate>-24</rate>'))).toBeNull();
    expect(parseRate(el('<rate>fast</rate>'))).toBeNull();
  });
});

describe('edge 19: times and timecode', () => {
  it('edge 19: nbTicks needs its rate; the rate is inherited when absent', () => {
    const t = parseTime(el('<startTimecode><rate>25</rate><nbTicks>90000</nbTicks><dropMode>NDF</dropMode></startTimecode>'), null);
    expect(t).toMatchObject({ nbTicks: 90000, dropFrame: false, timecode: '01:00:00:00' });
    expect(parseTime(el('<d><nbTicks>48</nbTicks></d>'), rate(24))).toMatchObject({ nbTicks: 48, rate: { fps: 24 }, timecode: '00:00:02:00' });
    expect(parseTime(el('<d><nbTicks>48</nbTicks></d>'), null)).toMatchObject({ rate: null, timecode: null });
  });

  it('edge 19: a duration may be a bare integer; the label attribute is display-only', () => {
    expect(parseTime(el('<duration>170</duration>'), null)?.nbTicks).toBe(170);
    expect(parseTime(el('<duration label="99:99:99+99"><nbTicks>4</nbTicks></duration>'), rate(24))?.timecode).toBe('00:00:00:04');
    expect(parseTime(el('<duration>soon</duration>'), null)).toBeNull();
  });

  it('formats drop-frame timecode at 29.97 and 59.94', () => {
    const ntsc = rate(30000, 1001);
    expect(formatTimecode(1800, ntsc, true)).toBe('00:01:00;02');
    expect(formatTimecode(17982, ntsc, true)).toBe('00:10:00;00');
    expect(formatTimecode(107892, ntsc, true)).toBe('01:00:00;00');
    expect(formatTimecode(3600, rate(60000, 1001), true)).toBe('00:01:00;04');
    expect(formatTimecode(1800, ntsc, false)).toBe('00:01:00:00');
  });

  it('gives no timecode for audio sample rates or negative times', () => {
    expect(formatTimecode(48000, rate(48000), false)).toBeNull();
    expect(formatTimecode(-1, rate(24), false)).toBeNull();
  });

  it('converts durations between rates', () => {
    const t = parseTime(el('<d><rate>48</rate><nbTicks>96</nbTicks></d>'), null)!;
    expect(timeToFrames(t, rate(24))).toBe(48);
    expect(timeToFrames(t, null)).toBe(96);
  });
});
