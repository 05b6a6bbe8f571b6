'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from './confirm-dialog';
import { useWorkstationAction, type ActionOutcome } from './use-workstation-action';

export type LifecycleActions = {
  start: (input: { ids: string[] }) => Promise<ActionOutcome>;
  stop: (input: { ids: string[] }) => Promise<ActionOutcome>;
  terminate?: (input: { ids: string[]; confirm: string }) => Promise<ActionOutcome>;
};

type Verb = 'start' | 'stop' | 'terminate';

const COPY: Record<Verb, { title: (n: string) => string; label: string; body: (n: string) => string }> = {
  start: { title: (n) => `Start ${n}?`, label: 'Start', body: (n) => `EC2 starts ${n}; billing resumes while it runs.` },
  stop: { title: (n) => `Stop ${n}?`, label: 'Stop', body: (n) => `${n} shuts down. Anything not saved in Flame is lost; the disk and its projects are kept.` },
  terminate: { title: (n) => `Terminate ${n}?`, label: 'Terminate', body: (n) => `${n} and its disk are destroyed. This cannot be undone.` },
};

/**
 * Start / Stop / Terminate for one or many workstations, each behind a confirmation; terminate needs
 * the name (or, for several, “terminate N workstations”) typed.
 */
export function LifecycleButtons({ ids, names, actions, verbs, onDone, size = 'md' }: {
  ids: string[];
  names: string[];
  actions: LifecycleActions;
  verbs: Verb[];
  onDone?: () => void;
  size?: 'sm' | 'md';
}) {
  const [open, setOpen] = useState<Verb | null>(null);
  const start = useWorkstationAction(actions.start);
  const stop = useWorkstationAction(actions.stop);
  const terminate = useWorkstationAction(actions.terminate ?? (async () => ({ ok: false as const, error: { code: 'FORBIDDEN', userMessage: 'Not allowed.' } })));
  const runner = { start, stop, terminate };
  const what = names.length === 1 ? names[0]! : `${names.length} workstations`;
  const phrase = names.length === 1 ? names[0]! : `terminate ${names.length} workstations`;
  const close = () => {
    runner[open ?? 'start'].reset();
    setOpen(null);
  };
  const confirm = (typed: string) => {
    const verb = open!;
    const done = () => {
      setOpen(null);
      onDone?.();
    };
    if (verb === 'terminate') terminate.execute({ ids, confirm: typed }, done);
    else runner[verb].execute({ ids }, done);
  };
  return (
    <>
      {verbs.map((v) => (
        <Button key={v} size={size} variant={v === 'terminate' ? 'danger' : 'secondary'} onClick={() => setOpen(v)} disabled={!ids.length}>
          {COPY[v].label}
        </Button>
      ))}
      <ConfirmDialog
        open={open !== null}
        title={open ? COPY[open].title(what) : ''}
        confirmLabel={open ? COPY[open].label : ''}
        danger={open === 'terminate'}
        requireText={open === 'terminate' ? phrase : undefined}
        pending={open ? runner[open].pending : false}
        error={open ? runner[open].error : null}
        onConfirm={confirm}
        onClose={close}
      >
        {open ? COPY[open].body(what) : null}
      </ConfirmDialog>
    </>
  );
}
