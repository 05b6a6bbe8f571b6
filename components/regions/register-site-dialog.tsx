'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, Field } from '@/components/ui/dialog';
import { inputClass } from '@/components/ui/input';
import { useWorkstationAction, type ActionOutcome } from '@/components/workstations/use-workstation-action';

export type RegisterInput = { siteId?: string; name: string; region: string; anvilUrl: string; anvilUsername: string; anvilPassword: string; trustSelfSigned: boolean };
type Existing = { id: string; name: string; region: string; anvilUrl: string | null; anvilUsername: string | null; anvilTrustSelfSigned: boolean };

/**
 * Registers a site and its Anvil, or edits the Anvil of a planned, failed or stopped site. The password
 * goes to the server once and is sealed there; an edit may leave it blank to keep the stored one.
 */
export function RegisterSiteDialog({ register, site }: { register: (input: RegisterInput) => Promise<ActionOutcome<{ siteId: string }>>; site?: Existing }) {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<RegisterInput>({
    siteId: site?.id, name: site?.name ?? '', region: site?.region ?? '', anvilUrl: site?.anvilUrl ?? '', anvilUsername: site?.anvilUsername ?? 'admin', anvilPassword: '', trustSelfSigned: site?.anvilTrustSelfSigned ?? false,
  });
  const { execute, pending, error, fieldErrors, reset } = useWorkstationAction(register);
  const set = <K extends keyof RegisterInput>(k: K, v: RegisterInput[K]) => setForm((f) => ({ ...f, [k]: v }));
  const close = () => {
    reset();
    setOpen(false);
  };
  return (
    <>
      {site ? <Button size="sm" onClick={() => setOpen(true)}>Edit Anvil</Button> : <Button variant="primary" onClick={() => setOpen(true)}>Add site</Button>}
      <Dialog open={open} onClose={close} title={site ? `Anvil of ${site.name}` : 'Add a site'}>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            execute(form, () => {
              setForm((f) => ({ ...f, anvilPassword: '' }));
              setOpen(false);
            });
          }}
        >
          <Field label="Site name" error={fieldErrors.name}>
            <input className={inputClass} value={form.name} onChange={(e) => set('name', e.target.value)} required />
          </Field>
          <Field label="AWS region" error={fieldErrors.region} hint="e.g. ap-southeast-2">
            <input className={inputClass} value={form.region} onChange={(e) => set('region', e.target.value)} required spellCheck={false} />
          </Field>
          <Field label="Anvil URL" error={fieldErrors.anvilUrl} hint="The management API, e.g. https://anvil.example:8443/mgmt/v1.2/rest">
            <input className={inputClass} value={form.anvilUrl} onChange={(e) => set('anvilUrl', e.target.value)} required spellCheck={false} />
          </Field>
          <Field label="Anvil account" error={fieldErrors.anvilUsername}>
            <input className={inputClass} value={form.anvilUsername} onChange={(e) => set('anvilUsername', e.target.value)} required autoComplete="off" />
          </Field>
          <Field label="Anvil password" error={fieldErrors.anvilPassword} hint={site ? 'Leave blank to keep the stored password' : 'Stored encrypted; never shown again'}>
            <input type="password" className={inputClass} value={form.anvilPassword} onChange={(e) => set('anvilPassword', e.target.value)} autoComplete="new-password" />
          </Field>
          <label className="flex items-center gap-2 text-sm text-muted">
            <input type="checkbox" checked={form.trustSelfSigned} onChange={(e) => set('trustSelfSigned', e.target.checked)} />
            Trust the Anvil’s self-signed certificate
          </label>
          {error ? <p role="alert" className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad">{error}</p> : null}
          <div className="flex justify-end gap-2 pt-2">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={pending}>{pending ? 'Saving…' : site ? 'Save' : 'Register site'}</Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
