'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { Dialog, Field } from '@/components/ui/dialog';
import { inputClass } from '@/components/ui/input';
import { ErrorNote, useAction, type ServerAction } from './use-action';

/**
 * A button that asks before it acts: a dialog says what will happen on the Anvils, and with
 * `requireText` the confirm stays disabled until that text is typed.
 */
export function ConfirmButton<I>(props: {
  label: string;
  title: string;
  confirmLabel: string;
  children: React.ReactNode;
  run: ServerAction<I, unknown>;
  input: I;
  requireText?: string;
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  /** Where to go once it is done (e.g. the list, after deleting the page's own subject). */
  redirectTo?: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const act = useAction(props.run);
  const ready = !props.requireText || typed.trim() === props.requireText;
  const close = () => {
    setOpen(false);
    setTyped('');
    act.reset();
  };
  return (
    <>
      <Button variant={props.variant ?? 'danger'} size={props.size ?? 'sm'} onClick={() => setOpen(true)}>{props.label}</Button>
      <Dialog open={open} onClose={close} title={props.title}>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (ready) act.execute(props.input, () => (close(), props.redirectTo && router.push(props.redirectTo)));
          }}
        >
          <div className="text-sm text-muted">{props.children}</div>
          {props.requireText ? (
            <Field label={`Type “${props.requireText}” to confirm`}>
              <input autoFocus value={typed} onChange={(e) => setTyped(e.target.value)} className={inputClass} aria-label="Confirmation" autoComplete="off" spellCheck={false} />
            </Field>
          ) : null}
          <ErrorNote message={act.error} />
          <div className="flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="danger" disabled={!ready || act.pending} autoFocus={!props.requireText}>{act.pending ? 'Working…' : props.confirmLabel}</Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
