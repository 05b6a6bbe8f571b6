'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, Field } from '@/components/ui/dialog';
import { inputClass } from '@/components/ui/input';
import type { TAssignmentStatus } from '@/lib/domain/assignments/status';
import { useServerAction, type ServerAction } from './use-server-action';

export type TMove = { to: TAssignmentStatus; verb: string };
export type ChangeStatusAction = ServerAction<{ assignmentId: string; to: TAssignmentStatus; comment?: string | null }, { id: string; status: string }>;

// Moves that take work away from someone or stop it ask first, with room for the reason.
const ASKS_FIRST = new Set(['Send back', 'Put on hold', 'Reopen']);

/** The status buttons open to the viewer on one assignment (the server checks the rules again). */
export function StatusMoves({ assignmentId, shot, moves, action, size = 'sm' }: { assignmentId: string; shot: string; moves: TMove[]; action: ChangeStatusAction; size?: 'sm' | 'md' }) {
  const { execute, pending, error, reset } = useServerAction(action);
  const [asking, setAsking] = useState<TMove | null>(null);
  const [comment, setComment] = useState('');
  if (moves.length === 0) return null;
  const close = () => {
    setAsking(null);
    setComment('');
    reset();
  };
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {moves.map((m) => (
        <Button
          key={m.to}
          size={size}
          variant={m.verb === 'Approve' || m.verb === 'Submit for review' || m.verb === 'Start work' ? 'primary' : 'secondary'}
          disabled={pending}
          aria-label={`${m.verb}: ${shot}`}
          onClick={() => (ASKS_FIRST.has(m.verb) ? setAsking(m) : execute({ assignmentId, to: m.to }))}
        >
          {m.verb}
        </Button>
      ))}
      {error && !asking ? <span role="alert" className="text-xs text-bad">{error}</span> : null}
      <Dialog open={asking !== null} onClose={close} title={`${asking?.verb ?? ''}: ${shot}`}>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (asking) execute({ assignmentId, to: asking.to, comment }, close);
          }}
        >
          <Field label="Comment for the artist (optional)">
            <textarea value={comment} onChange={(e) => setComment(e.target.value)} maxLength={500} rows={3} className={inputClass} />
          </Field>
          {error ? <p role="alert" className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad">{error}</p> : null}
          <div className="flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={pending}>{pending ? 'Working…' : asking?.verb}</Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
