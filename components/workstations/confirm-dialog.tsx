'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, Field } from '@/components/ui/dialog';
import { inputClass } from '@/components/ui/input';

/**
 * Confirmation before anything that stops or destroys work. With `requireText`, the confirm button
 * stays disabled until that exact text is typed (the server checks it again).
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  danger?: boolean;
  requireText?: string;
  pending?: boolean;
  error?: string | null;
  onConfirm: (typed: string) => void;
  onClose: () => void;
}) {
  const [typed, setTyped] = useState('');
  const close = () => {
    setTyped('');
    props.onClose();
  };
  const ready = !props.requireText || typed.trim() === props.requireText;
  return (
    <Dialog open={props.open} onClose={close} title={props.title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) props.onConfirm(typed);
        }}
        className="space-y-4"
      >
        <div className="text-sm text-muted">{props.children}</div>
        {props.requireText ? (
          <Field label={`Type “${props.requireText}” to confirm`}>
            <input autoFocus value={typed} onChange={(e) => setTyped(e.target.value)} className={inputClass} aria-label="Confirmation" autoComplete="off" spellCheck={false} />
          </Field>
        ) : null}
        {props.error ? <p role="alert" className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad">{props.error}</p> : null}
        <div className="flex justify-end gap-2">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant={props.danger ? 'danger' : 'primary'} disabled={!ready || props.pending} autoFocus={!props.requireText}>
            {props.pending ? 'Working…' : props.confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
