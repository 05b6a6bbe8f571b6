import { describe, expect, it } from 'vitest';
import { placeOf, project } from './world-map';

describe('world map', () => {
  it('places the studio regions and projects them into the box', () => {
    expect(placeOf('ap-southeast-2')?.city).toBe('Sydney');
    expect(placeOf('xx-nowhere-1')).toBeNull();
    expect(project({ lat: 0, lon: 0 }, 360, 180)).toEqual({ x: 180, y: 90 });
    expect(project({ lat: 90, lon: -180 }, 360, 180)).toEqual({ x: 0, y: 0 });
    expect(project({ lat: -100, lon: 200 }, 360, 180)).toEqual({ x: 360, y: 180 });
    const london = project(placeOf('eu-west-2')!, 1000, 500);
    const sydney = project(placeOf('ap-southeast-2')!, 1000, 500);
    expect(sydney.x).toBeGreaterThan(london.x);
    expect(sydney.y).toBeGreaterThan(london.y);
  });
});
