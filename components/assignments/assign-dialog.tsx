'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, Field } from '@/components/ui/dialog';
import { inputClass } from '@/components/ui/input';
import { useServerAction, type ServerAction } from './use-server-action';

type TAssignInput = { shotIds: string[]; artistId: string; dueDate?: string | null; note?: string | null; preStage?: boolean };
type TOutcome =
  | { outcome: 'assigned'; assigned: number; reassigned: number; updated: number; preStaged: number; workstationStarted: boolean }
  | { outcome: 'needs-pre-stage'; artist: string; site: string; workstation: string; startsWorkstation: boolean; shots: Array<{ id: string; name: string; reason: string }> };
export type AssignAction = ServerAction<TAssignInput, TOutcome>;

type TShotChoice = { id: string; name: string; heldBy: string | null; heldById: string | null };

function summary(o: Extract<TOutcome, { outcome: 'assigned' }>): string {
  const parts = [o.assigned && `${o.assigned} assigned`, o.reassigned && `${o.reassigned} reassigned`, o.updated && `${o.updated} updated`, o.preStaged && `${o.preStaged} pre-staged`].filter(Boolean);
  return `${parts.join(', ')}${o.workstationStarted ? '; the artist’s workstation is starting' : ''}.`;
}

/**
 * Assigns the chosen shots to one artist. Shots someone else holds are named before they are taken from
 * them; when the data is not at the artist's site the server answers with a pre-stage offer, which the
 * producer accepts explicitly (it applies an objective and may start a machine).
 */
export function AssignDialog(props: { open: boolean; onClose: () => void; onDone: (message: string) => void; shots: TShotChoice[]; artists: Array<{ id: string; name: string; sites: string[] }>; action: AssignAction }) {
  const { execute, pending, error, fieldErrors, reset } = useServerAction(props.action);
  const [artistId, setArtistId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [note, setNote] = useState('');
  const [offer, setOffer] = useState<Extract<TOutcome, { outcome: 'needs-pre-stage' }> | null>(null);
  const close = () => {
    setOffer(null);
    reset();
    props.onClose();
  };
  const taken = props.shots.filter((s) => s.heldById && s.heldById !== artistId);
  const submit = (preStage: boolean) =>
    execute({ shotIds: props.shots.map((s) => s.id), artistId, dueDate: dueDate || null, note: note || null, preStage }, (data) => {
      if (data.outcome === 'needs-pre-stage') return setOffer(data);
      props.onDone(summary(data));
      close();
    });
  const title = props.shots.length === 1 ? `Assign ${props.shots[0]!.name}` : `Assign ${props.shots.length} shots`;
  return (
    <Dialog open={props.open} onClose={close} title={title} wide>
      <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); submit(offer !== null); }}>
        <Field label="Artist" error={fieldErrors.artistId}>
          <select value={artistId} onChange={(e) => { setArtistId(e.target.value); setOffer(null); }} className={inputClass} required aria-label="Artist">
            <option value="">Choose an artist…</option>
            {props.artists.map((a) => (
              <option key={a.id} value={a.id}>{a.name}{a.sites.length ? ` (${a.sites.join(', ')})` : ' (no workstation)'}</option>
            ))}
          </select>
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Due date (optional)" error={fieldErrors.dueDate}>
            <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} className={inputClass} aria-label="Due date" />
          </Field>
          <Field label="Note for the artist (optional)" error={fieldErrors.note}>
            <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} className={inputClass} aria-label="Note" />
          </Field>
        </div>
        {taken.length > 0 ? (
          <p className="rounded-md border border-warn/40 bg-warn/10 px-3 py-2 text-sm text-warn" data-testid="reassign-warning">
            This takes {taken.length === 1 ? `${taken[0]!.name} from ${taken[0]!.heldBy}` : `${taken.length} shots from the artists holding them`}; they will be told.
          </p>
        ) : null}
        {offer ? (
          <div className="space-y-2 rounded-md border border-info/40 bg-info/10 px-3 py-2 text-sm" data-testid="pre-stage-offer">
            <p>
              {offer.shots.length === props.shots.length ? 'These shots are' : `${offer.shots.length} of these shots are`} not ready at {offer.artist}’s site ({offer.site}): {offer.shots[0]!.reason}.
            </p>
            <p>
              Pre-stage keeps {offer.shots.length === 1 ? 'the shot folder' : 'their shot folders'} local at {offer.site} (a keep-local objective)
              {offer.startsWorkstation ? ` and starts ${offer.workstation}` : ''}, so the data is there when {offer.artist} starts.
            </p>
          </div>
        ) : null}
        {error ? <p role="alert" className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad">{error}</p> : null}
        <div className="flex justify-end gap-2">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={pending || !artistId}>
            {pending ? 'Working…' : offer ? 'Pre-stage and assign' : taken.length ? 'Reassign' : 'Assign'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
