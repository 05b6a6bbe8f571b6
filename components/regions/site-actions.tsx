'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, Field } from '@/components/ui/dialog';
import { inputClass } from '@/components/ui/input';
import { ConfirmDialog } from '@/components/workstations/confirm-dialog';
import { useWorkstationAction, type ActionOutcome } from '@/components/workstations/use-workstation-action';
import type { TSiteView } from '@/lib/domain/sites/views';
import { DrainDialog, type DrainActions } from './drain-dialog';
import { RegisterSiteDialog, type RegisterInput } from './register-site-dialog';

type Result = ActionOutcome<unknown>;
export type SiteActionSet = DrainActions & {
  register: (input: RegisterInput) => Promise<ActionOutcome<{ siteId: string }>>;
  bringUp: (input: { siteId: string; workstations: number }) => Promise<Result>;
  cancelDrain: (input: { siteId: string }) => Promise<Result>;
  retry: (input: { siteId: string }) => Promise<Result>;
  forceStop: (input: { siteId: string; confirm: string; reason?: string }) => Promise<Result>;
};

function BringUp({ site, run }: { site: TSiteView; run: SiteActionSet['bringUp'] }) {
  const [open, setOpen] = useState(false);
  const [count, setCount] = useState(0);
  const { execute, pending, error, fieldErrors, reset } = useWorkstationAction(run);
  const close = () => { reset(); setOpen(false); };
  return (
    <>
      <Button size="sm" variant="primary" onClick={() => setOpen(true)}>Bring up</Button>
      <Dialog open={open} onClose={close} title={`Bring ${site.name} up`}>
        <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); execute({ siteId: site.id, workstations: count }, () => setOpen(false)); }}>
          <p className="text-sm text-muted">The worker checks the Anvil, joins it to the global namespace and the studio’s shares, applies the studio’s objectives and creates launch profiles. Each step shows here as it runs.</p>
          <Field label="Workstations to launch when it is up (optional)" error={fieldErrors.workstations}>
            <input type="number" min={0} max={20} value={count} onChange={(e) => setCount(Number(e.target.value))} className={inputClass} />
          </Field>
          {error ? <p role="alert" className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad">{error}</p> : null}
          <div className="flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={pending}>{pending ? 'Starting…' : 'Start bring-up'}</Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

function ForceStop({ site, run }: { site: TSiteView; run: SiteActionSet['forceStop'] }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { execute, pending, error, reset } = useWorkstationAction(run);
  return (
    <>
      <Button size="sm" variant="danger" onClick={() => setOpen(true)}>Force stop</Button>
      <ConfirmDialog
        open={open}
        title={`Force-stop ${site.name}`}
        confirmLabel="Force stop"
        danger
        requireText={site.name}
        pending={pending}
        error={error}
        onClose={() => { reset(); setOpen(false); }}
        onConfirm={(typed) => execute({ siteId: site.id, confirm: typed, reason: reason || undefined }, () => setOpen(false))}
      >
        <p>For emergencies only. The site is marked stopped now, without waiting for replication: <strong className="text-bad">changes not yet copied to another site may be lost.</strong> Its workstations are stopped; it stays in its shares.</p>
        <p className="mt-2">Your name and this acknowledgement are recorded in the audit log.</p>
        <label className="mt-3 block">
          <span>Reason (optional)</span>
          <input className={`${inputClass} mt-1`} value={reason} onChange={(e) => setReason(e.target.value)} aria-label="Reason" />
        </label>
      </ConfirmDialog>
    </>
  );
}

function Simple({ label, confirm, run, siteId, variant = 'secondary' }: { label: string; confirm: string; run: (i: { siteId: string }) => Promise<Result>; siteId: string; variant?: 'secondary' | 'primary' }) {
  const [open, setOpen] = useState(false);
  const { execute, pending, error, reset } = useWorkstationAction(run);
  return (
    <>
      <Button size="sm" variant={variant} onClick={() => setOpen(true)}>{label}</Button>
      <ConfirmDialog open={open} title={label} confirmLabel={label} pending={pending} error={error} onClose={() => { reset(); setOpen(false); }} onConfirm={() => execute({ siteId }, () => setOpen(false))}>
        {confirm}
      </ConfirmDialog>
    </>
  );
}

/** The lifecycle actions a site's state allows (the server checks again). */
export function SiteActions({ site, actions }: { site: TSiteView; actions: SiteActionSet }) {
  const a = site.actions;
  return (
    <div className="flex flex-wrap items-center gap-1.5" data-testid={`site-actions-${site.name}`}>
      {a.bringUp ? <BringUp site={site} run={actions.bringUp} /> : null}
      {a.retry ? <Simple label="Retry" variant="primary" siteId={site.id} run={actions.retry} confirm={`Resume ${site.name}'s checklist at the step that failed. Steps already done are not run again.`} /> : null}
      {a.drain ? <DrainDialog site={site} actions={actions} /> : null}
      {a.cancelDrain ? <Simple label="Cancel drain" siteId={site.id} run={actions.cancelDrain} confirm={`${site.name} becomes active again and takes launches. Workstations already stopped stay stopped.`} /> : null}
      {a.edit ? <RegisterSiteDialog register={actions.register} site={site} /> : null}
      {a.forceStop ? <ForceStop site={site} run={actions.forceStop} /> : null}
    </div>
  );
}
