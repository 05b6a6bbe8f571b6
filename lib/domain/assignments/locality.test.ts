import { describe, expect, it } from 'vitest';
import { localityBanner, planAssignment, summarizeLocality, type TArtistWorkstation, type TShotLocality } from './locality';

const sites = new Map([['Studio East', 'east'], ['Studio West', 'west'], ['London', 'lon']]);
const ws = (over: Partial<TArtistWorkstation>): TArtistWorkstation => ({ id: 'w1', name: 'w1', siteId: 'east', desiredState: 'running', observedState: 'running', ...over });

describe('summarizeLocality', () => {
  it('splits sites holding every file from sites holding some', () => {
    const files = [{ dataPresentAt: ['Studio East', 'London'] }, { dataPresentAt: ['Studio East'] }, { dataPresentAt: ['Studio East', 'Studio East'] }];
    expect(summarizeLocality(files, sites)).toEqual({ known: true, files: 3, completeAt: ['east'], partialAt: ['lon'] });
  });

  it('ignores Hammerspace sites the studio does not know, and calls an empty folder complete nowhere', () => {
    expect(summarizeLocality([{ dataPresentAt: ['Sydney'] }], sites)).toEqual({ known: true, files: 1, completeAt: [], partialAt: [] });
    expect(summarizeLocality([], sites)).toEqual({ known: true, files: 0, completeAt: [], partialAt: [] });
  });
});

describe('planAssignment', () => {
  const atEast: TShotLocality = { known: true, files: 4, completeAt: ['east'], partialAt: ['west'] };

  it('is ready when a workstation of the artist sits where the data is, preferring a running one', () => {
    const list = [ws({ id: 'w-west', name: 'a', siteId: 'west' }), ws({ id: 'w-east-off', name: 'b', observedState: 'stopped', desiredState: 'stopped' }), ws({ id: 'w-east', name: 'c' })];
    expect(planAssignment(list, atEast)).toEqual({ kind: 'ready', siteId: 'east', workstationId: 'w-east' });
  });

  it('offers a pre-stage at the artist’s preferred site, starting the machine only when it is not meant to run', () => {
    expect(planAssignment([ws({ id: 'w-west', siteId: 'west' })], atEast)).toEqual({
      kind: 'pre-stage', siteId: 'west', workstationId: 'w-west', startWorkstation: false, reason: 'only part of the shot’s data is at the artist’s site',
    });
    const stopped = ws({ id: 'w-lon', siteId: 'lon', desiredState: 'stopped', observedState: 'stopped' });
    expect(planAssignment([stopped], atEast)).toMatchObject({ kind: 'pre-stage', siteId: 'lon', startWorkstation: true, reason: 'the shot’s data is not at the artist’s site' });
  });

  it('offers a pre-stage when locality is unknown or nothing is published yet', () => {
    expect(planAssignment([ws({})], { known: false, reason: 'Studio East’s Anvil is down' })).toMatchObject({ kind: 'pre-stage', reason: 'where the data is could not be checked (Studio East’s Anvil is down)' });
    expect(planAssignment([ws({})], { known: true, files: 0, completeAt: [], partialAt: [] })).toMatchObject({ kind: 'pre-stage', reason: 'the shot folder holds no published files yet' });
  });

  it('refuses when the artist has no usable workstation', () => {
    expect(planAssignment([], atEast).kind).toBe('no-workstation');
    expect(planAssignment([ws({ desiredState: 'terminated' })], atEast).kind).toBe('no-workstation');
  });
});

describe('localityBanner', () => {
  it('is silent when the artist’s site holds the whole shot, and says so otherwise', () => {
    const at: TShotLocality = { known: true, files: 2, completeAt: ['east'], partialAt: ['west'] };
    expect(localityBanner(at, 'east', 'Studio East')).toBeNull();
    expect(localityBanner(at, 'west', 'Studio West')).toEqual({ tone: 'warn', text: 'This shot’s data is not yet complete in Studio West: opening it now reads across regions.' });
    expect(localityBanner({ known: false, reason: 'timeout' }, 'west', 'Studio West')?.tone).toBe('muted');
  });
});
