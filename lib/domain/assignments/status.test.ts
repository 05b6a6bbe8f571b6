import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_STATUSES, capacitiesOf, decideMove, movesFor, STATUS_MOVES, type TCapacity } from './status';

const artist: TCapacity[] = ['assigned-artist'];
const producer: TCapacity[] = ['producer'];

describe('assignment status rules', () => {
  it('lets the assigned artist start and submit their shot, and nothing else', () => {
    expect(decideMove('assigned', 'in_progress', artist)).toMatchObject({ ok: true, move: { verb: 'Start work' } });
    expect(decideMove('in_progress', 'pending_review', artist)).toMatchObject({ ok: true });
    for (const [from, to] of [['pending_review', 'approved'], ['pending_review', 'in_progress'], ['assigned', 'on_hold'], ['on_hold', 'assigned']] as const) {
      const d = decideMove(from, to, artist);
      expect(d.ok, `${from}→${to}`).toBe(false);
      if (!d.ok) expect(d.reason).toMatch(/^Only a producer can/);
    }
  });

  it('lets the producer approve or send back a shot pending review, but not work it', () => {
    expect(decideMove('pending_review', 'approved', producer)).toMatchObject({ ok: true, move: { verb: 'Approve' } });
    expect(decideMove('pending_review', 'in_progress', producer)).toMatchObject({ ok: true, move: { verb: 'Send back' } });
    const d = decideMove('assigned', 'in_progress', producer);
    expect(d).toEqual({ ok: false, why: 'not-yours', reason: 'Only the artist it is assigned to can move a shot from assigned to in progress.' });
  });

  it('refuses moves that exist for nobody, and standing still', () => {
    expect(decideMove('assigned', 'approved', [...artist, ...producer])).toEqual({ ok: false, why: 'impossible', reason: 'A shot cannot go from assigned to approved.' });
    expect(decideMove('approved', 'approved', producer)).toEqual({ ok: false, why: 'impossible', reason: 'The shot is already approved.' });
    expect(decideMove('on_hold', 'in_progress', producer).ok).toBe(false);
  });

  it('gives an actor without a capacity no move at all', () => {
    for (const from of ASSIGNMENT_STATUSES) {
      expect(movesFor(from, [])).toEqual([]);
      for (const to of ASSIGNMENT_STATUSES) expect(decideMove(from, to, []).ok).toBe(false);
    }
  });

  it('offers each capacity exactly its moves', () => {
    expect(movesFor('pending_review', producer).map((m) => m.to).sort()).toEqual(['approved', 'in_progress', 'on_hold']);
    expect(movesFor('pending_review', artist)).toEqual([]);
    expect(movesFor('assigned', artist).map((m) => m.to)).toEqual(['in_progress']);
    expect(movesFor('approved', producer).map((m) => m.to)).toEqual(['in_progress']);
  });

  it('never lets an approved or held shot be moved by the artist', () => {
    for (const m of STATUS_MOVES.filter((x) => x.from === 'approved' || x.from === 'on_hold')) expect(m.by).toBe('producer');
  });

  it('derives capacities from who the actor is on this assignment', () => {
    expect(capacitiesOf({ isAssignedArtist: true, isProducerOrAdmin: false })).toEqual(['assigned-artist']);
    expect(capacitiesOf({ isAssignedArtist: false, isProducerOrAdmin: true })).toEqual(['producer']);
    expect(capacitiesOf({ isAssignedArtist: false, isProducerOrAdmin: false })).toEqual([]);
  });
});
