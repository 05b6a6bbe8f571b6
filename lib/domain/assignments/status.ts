/**
 * Who may move an assignment from which status to which. The artist works the shot (starts it, submits
 * it for review); the producer judges it (approves or sends it back) and manages the schedule (holds,
 * resumes, reopens). Pure: the caller says in which capacities the actor acts on this assignment, so
 * "the artist" always means "the artist this shot is assigned to", never any artist.
 */
export const ASSIGNMENT_STATUSES = ['assigned', 'in_progress', 'pending_review', 'approved', 'on_hold'] as const;
export type TAssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** The board shows shots nobody holds as `unassigned`: not a status an assignment row can have. */
export const BOARD_STATUSES = ['unassigned', ...ASSIGNMENT_STATUSES] as const;
export type TBoardStatus = (typeof BOARD_STATUSES)[number];

export type TCapacity = 'assigned-artist' | 'producer';

/** `verb` labels the button; `done` says what happened, in messages ("sent back by Priya"). */
export type TStatusMove = { from: TAssignmentStatus; to: TAssignmentStatus; by: TCapacity; verb: string; done: string };

const ACTIVE_WORK: TAssignmentStatus[] = ['assigned', 'in_progress', 'pending_review'];

export const STATUS_MOVES: readonly TStatusMove[] = [
  { from: 'assigned', to: 'in_progress', by: 'assigned-artist', verb: 'Start work', done: 'started' },
  { from: 'in_progress', to: 'pending_review', by: 'assigned-artist', verb: 'Submit for review', done: 'submitted for review' },
  { from: 'pending_review', to: 'approved', by: 'producer', verb: 'Approve', done: 'approved' },
  // Sending back returns the shot to the artist's hands, not to the start: they keep their work.
  { from: 'pending_review', to: 'in_progress', by: 'producer', verb: 'Send back', done: 'sent back' },
  ...ACTIVE_WORK.map((from) => ({ from, to: 'on_hold' as const, by: 'producer' as const, verb: 'Put on hold', done: 'put on hold' })),
  // A held shot goes back to `assigned`: the artist restarts it explicitly, so the board never shows
  // someone "in progress" on a shot they have not touched since the hold.
  { from: 'on_hold', to: 'assigned', by: 'producer', verb: 'Resume', done: 'resumed' },
  { from: 'approved', to: 'in_progress', by: 'producer', verb: 'Reopen', done: 'reopened' },
];

export const STATUS_LABELS: Record<TBoardStatus, string> = {
  unassigned: 'unassigned',
  assigned: 'assigned',
  in_progress: 'in progress',
  pending_review: 'pending review',
  approved: 'approved',
  on_hold: 'on hold',
};

export function isAssignmentStatus(value: string): value is TAssignmentStatus {
  return (ASSIGNMENT_STATUSES as readonly string[]).includes(value);
}

/** The capacities an actor holds on one assignment: producers and admins judge, its own artist works it. */
export function capacitiesOf(input: { isAssignedArtist: boolean; isProducerOrAdmin: boolean }): TCapacity[] {
  const out: TCapacity[] = [];
  if (input.isAssignedArtist) out.push('assigned-artist');
  if (input.isProducerOrAdmin) out.push('producer');
  return out;
}

/** The moves open from `from` to someone acting in these capacities (buttons to offer). */
export function movesFor(from: TAssignmentStatus, capacities: readonly TCapacity[]): TStatusMove[] {
  return STATUS_MOVES.filter((m) => m.from === from && capacities.includes(m.by));
}

/** `not-yours`: the move exists, for someone else; `impossible`: nobody may make it. */
export type TMoveDecision = { ok: true; move: TStatusMove } | { ok: false; why: 'impossible' | 'not-yours'; reason: string };

/** Whether this move is allowed, and if not, a sentence that says why (shown to the user as is). */
export function decideMove(from: TAssignmentStatus, to: TAssignmentStatus, capacities: readonly TCapacity[]): TMoveDecision {
  if (from === to) return { ok: false, why: 'impossible', reason: `The shot is already ${STATUS_LABELS[to]}.` };
  const candidates = STATUS_MOVES.filter((m) => m.from === from && m.to === to);
  if (candidates.length === 0) return { ok: false, why: 'impossible', reason: `A shot cannot go from ${STATUS_LABELS[from]} to ${STATUS_LABELS[to]}.` };
  const move = candidates.find((m) => capacities.includes(m.by));
  if (move) return { ok: true, move };
  const who = candidates[0]!.by === 'producer' ? 'a producer' : 'the artist it is assigned to';
  return { ok: false, why: 'not-yours', reason: `Only ${who} can move a shot from ${STATUS_LABELS[from]} to ${STATUS_LABELS[to]}.` };
}
