'use client';

import { Button } from '@/components/ui/button';
import { ErrorNote, useAction, type ServerAction } from './use-action';

/** One click to create a studio preset objective and apply it where the preset says. */
export function PresetButton({ preset, apply, inPlace }: { preset: string; apply: ServerAction<{ preset: string }, unknown>; inPlace: boolean }) {
  const act = useAction(apply);
  return (
    <div className="shrink-0 space-y-2 text-right">
      <Button variant={inPlace ? 'secondary' : 'primary'} size="sm" className="whitespace-nowrap" disabled={act.pending} onClick={() => act.execute({ preset })}>
        {act.pending ? 'Applying…' : inPlace ? 'Apply again' : 'Apply'}
      </Button>
      <ErrorNote message={act.error} />
    </div>
  );
}
