'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, Field } from '@/components/ui/dialog';
import { inputClass } from '@/components/ui/input';
import { useWorkstationAction, type ActionOutcome } from '@/components/workstations/use-workstation-action';
import type { TDrainCheckView } from '@/lib/domain/sites/views';

export type DrainActions = {
  check: (input: { siteId: string }) => Promise<ActionOutcome<TDrainCheckView>>;
  drain: (input: { siteId: string; terminate: boolean; confirm?: string }) => Promise<ActionOutcome<{ siteId: string; state: string }>>;
};

/**
 * "Drain, then stop": asks the server what blocks the drain and lists every blocker with a link to it;
 * the drain button stays disabled while any blocks. Warnings (an artist connected) are shown before
 * the click. Terminating instead of stopping needs the site's name typed.
 */
export function DrainDialog({ site, actions }: { site: { id: string; name: string }; actions: DrainActions }) {
  const [open, setOpen] = useState(false);
  const [check, setCheck] = useState<TDrainCheckView | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [checking, startChecking] = useTransition();
  const [terminate, setTerminate] = useState(false);
  const [typed, setTyped] = useState('');
  const { execute, pending, error, reset } = useWorkstationAction(actions.drain);
  const runCheck = () =>
    startChecking(async () => {
      setCheckError(null);
      const r = await actions.check({ siteId: site.id });
      if (r.ok) setCheck(r.data);
      else setCheckError(r.error.userMessage);
    });
  const close = () => {
    reset();
    setOpen(false);
    setCheck(null);
    setTerminate(false);
    setTyped('');
  };
  const blocking = check?.blockers.filter((b) => b.severity === 'block') ?? [];
  const warnings = check?.blockers.filter((b) => b.severity === 'warn') ?? [];
  const ready = check?.canDrain && (!terminate || typed.trim() === site.name);
  return (
    <>
      <Button size="sm" onClick={() => { setOpen(true); runCheck(); }}>Drain</Button>
      <Dialog open={open} onClose={close} title={`Drain ${site.name}, then stop it`} wide>
        <div className="space-y-4 text-sm">
          <p className="text-muted">New launches stop, the site’s artists are told, and nothing is stopped until every change made here has reached the other sites. Then the workstations stop and the site leaves its shares.</p>
          {checking || (!check && !checkError) ? <p role="status" className="text-muted">Checking what could be lost…</p> : null}
          {checkError ? <p role="alert" className="text-bad">{checkError}</p> : null}
          {check ? (
            <>
              {blocking.length ? (
                <div data-testid="drain-blockers">
                  <p className="font-medium text-bad">{site.name} cannot be drained yet:</p>
                  <ul className="mt-2 space-y-2">
                    {blocking.map((b, i) => (
                      <li key={i} className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2" data-testid="drain-blocker" data-kind={b.kind}>
                        {b.message} <Link className="underline" href={b.href}>{b.linkLabel}</Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p className="text-ok" data-testid="drain-clear">Nothing would be lost: every change has reached the other sites.</p>
              )}
              {warnings.map((w, i) => (
                <p key={i} className="rounded-md border border-warn/40 bg-warn/10 px-3 py-2 text-warn" data-testid="drain-warning">{w.message} <Link className="underline" href={w.href}>{w.linkLabel}</Link></p>
              ))}
              {check.workstations.length ? <p className="text-muted">Workstations here: {check.workstations.join(', ')}</p> : null}
              <label className="flex items-center gap-2 text-muted">
                <input type="checkbox" checked={terminate} onChange={(e) => setTerminate(e.target.checked)} />
                Terminate the workstations instead of stopping them (their disks are deleted)
              </label>
              {terminate ? (
                <Field label={`Type “${site.name}” to confirm`}>
                  <input className={inputClass} value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="Confirmation" autoComplete="off" spellCheck={false} />
                </Field>
              ) : null}
            </>
          ) : null}
          {error ? <p role="alert" className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-bad">{error}</p> : null}
          <div className="flex justify-end gap-2">
            <Button onClick={runCheck} disabled={checking}>Check again</Button>
            <Button onClick={close}>Cancel</Button>
            <Button variant="danger" disabled={!ready || pending} onClick={() => execute({ siteId: site.id, terminate, confirm: terminate ? typed : undefined }, () => close())}>
              {pending ? 'Starting…' : 'Drain, then stop'}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
