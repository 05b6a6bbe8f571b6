import { describe, expect, it } from 'vitest';
import { placeOf, project, shownWorkflow, siteActions } from './views';

describe('site actions', () => {
  it('offers what the state machine allows, and never a drain or forced stop of the home site', () => {
    expect(siteActions({ state: 'planned', isHome: false, hasFailedStep: false, leftShares: false })).toEqual({ edit: true, bringUp: true, drain: false, cancelDrain: false, retry: false, forceStop: false });
    expect(siteActions({ state: 'active', isHome: false, hasFailedStep: false, leftShares: false })).toMatchObject({ drain: true, forceStop: true, bringUp: false, edit: false });
    expect(siteActions({ state: 'active', isHome: true, hasFailedStep: false, leftShares: false })).toMatchObject({ drain: false, forceStop: false });
    expect(siteActions({ state: 'draining', isHome: false, hasFailedStep: false, leftShares: false })).toMatchObject({ cancelDrain: true, forceStop: true });
    expect(siteActions({ state: 'draining', isHome: false, hasFailedStep: false, leftShares: true }).cancelDrain).toBe(false);
    expect(siteActions({ state: 'failed', isHome: false, hasFailedStep: true, leftShares: false })).toMatchObject({ retry: true, edit: true, forceStop: true });
    expect(siteActions({ state: 'failed', isHome: false, hasFailedStep: false, leftShares: false }).retry).toBe(false);
    expect(siteActions({ state: 'stopped', isHome: false, hasFailedStep: false, leftShares: true })).toMatchObject({ bringUp: true, edit: true, forceStop: false });
  });

  it('shows the running checklist, else the failed one, else the last one', () => {
    const none = { 'bring-up': false, drain: false };
    expect(shownWorkflow('provisioning', null, none)).toBe('bring-up');
    expect(shownWorkflow('draining', null, none)).toBe('drain');
    expect(shownWorkflow('failed', 'drain', { 'bring-up': true, drain: true })).toBe('drain');
    expect(shownWorkflow('stopped', null, { 'bring-up': true, drain: true })).toBe('drain');
    expect(shownWorkflow('active', null, { 'bring-up': true, drain: false })).toBe('bring-up');
    expect(shownWorkflow('active', null, none)).toBeNull();
  });
});

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
