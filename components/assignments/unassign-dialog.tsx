'use client';

import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useServerAction, type ServerAction } from './use-server-action';

export type UnassignAction = ServerAction<{ shotIds: string[]; confirmed: true }, { unassigned: number }>;

/** Confirms taking shots back from the artists holding them (they are told; the history is kept). */
export function UnassignDialog(props: { open: boolean; onClose: () => void; onDone: (message: string) => void; shots: Array<{ id: string; name: string; heldBy: string | null }>; action: UnassignAction }) {
  const { execute, pending, error, reset } = useServerAction(props.action);
  const close = () => {
    reset();
    props.onClose();
  };
  const names = props.shots.slice(0, 8).map((s) => `${s.name} (${s.heldBy})`).join(', ');
  const more = props.shots.length > 8 ? ` and ${props.shots.length - 8} more` : '';
  return (
    <Dialog open={props.open} onClose={close} title={`Take back ${props.shots.length === 1 ? props.shots[0]?.name : `${props.shots.length} shots`}?`}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          execute({ shotIds: props.shots.map((s) => s.id), confirmed: true }, (d) => {
            props.onDone(`${d.unassigned} taken back.`);
            close();
          });
        }}
      >
        <p className="text-sm text-muted">
          {names}{more} will no longer be assigned; {props.shots.length === 1 ? 'the artist is' : 'the artists are'} told. Data already pre-staged stays where it is.
        </p>
        {error ? <p role="alert" className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad">{error}</p> : null}
        <div className="flex justify-end gap-2">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={pending || props.shots.length === 0}>{pending ? 'Working…' : 'Take back'}</Button>
        </div>
      </form>
    </Dialog>
  );
}
