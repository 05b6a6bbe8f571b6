'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from './confirm-dialog';
import { useWorkstationAction, type ActionOutcome } from './use-workstation-action';

export type RelaunchAction = (input: { id: string }) => Promise<ActionOutcome>;

/** Relaunch for a lost workstation: a new instance under a new ClientToken generation, same name and artist. */
export function RelaunchButton({ id, name, relaunch }: { id: string; name: string; relaunch: RelaunchAction }) {
  const [open, setOpen] = useState(false);
  const { execute, pending, error, reset } = useWorkstationAction(relaunch);
  return (
    <>
      <Button size="sm" variant="primary" onClick={() => setOpen(true)}>Relaunch</Button>
      <ConfirmDialog
        open={open}
        title={`Relaunch ${name}?`}
        confirmLabel="Relaunch"
        pending={pending}
        error={error}
        onClose={() => { reset(); setOpen(false); }}
        onConfirm={() => execute({ id }, () => setOpen(false))}
      >
        A new instance is launched from the profile's current settings, for the same artist, under a new ClientToken. Data on a lost disk is not recovered.
      </ConfirmDialog>
    </>
  );
}
