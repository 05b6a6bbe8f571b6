'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, Field } from '@/components/ui/dialog';
import { inputClass } from '@/components/ui/input';
import { useWorkstationAction, type ActionOutcome } from './use-workstation-action';

export type ProfileDraft = { id?: string; siteId: string; name: string; kind: 'flame' | 'flare' | 'flame_assist'; amiId: string; instanceTypes: string[]; subnetId: string | null; securityGroupIds: string[]; volumeSizeGb: number };
export type SaveProfile = (input: ProfileDraft) => Promise<ActionOutcome<{ id: string }>>;

const list = (s: string) => s.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);

/** Create or edit a launch profile. Lists are typed comma- or space-separated; the server explains what is wrong. */
export function ProfileFormDialog({ initial, sites, save, label }: { initial: ProfileDraft; sites: Array<{ id: string; name: string }>; save: SaveProfile; label: string }) {
  const [open, setOpen] = useState(false);
  const [d, setD] = useState({ ...initial, instanceTypes: initial.instanceTypes.join(', '), securityGroupIds: initial.securityGroupIds.join(', '), subnetId: initial.subnetId ?? '' });
  const { execute, pending, error, fieldErrors, reset } = useWorkstationAction(save);
  const close = () => {
    reset();
    setOpen(false);
  };
  const set = (k: keyof typeof d) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setD({ ...d, [k]: e.target.value });
  return (
    <>
      <Button size="sm" variant={initial.id ? 'secondary' : 'primary'} onClick={() => setOpen(true)}>{label}</Button>
      <Dialog open={open} onClose={close} title={initial.id ? `Edit ${initial.name}` : 'New launch profile'} wide>
        <form
          className="grid grid-cols-2 gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            execute({ ...d, volumeSizeGb: Number(d.volumeSizeGb), instanceTypes: list(d.instanceTypes), securityGroupIds: list(d.securityGroupIds), subnetId: d.subnetId.trim() || null }, () => setOpen(false));
          }}
        >
          <Field label="Site" error={fieldErrors.siteId}>
            <select className={inputClass} value={d.siteId} onChange={set('siteId')} disabled={!!initial.id}>
              {sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </Field>
          <Field label="Kind" error={fieldErrors.kind}>
            <select className={inputClass} value={d.kind} onChange={set('kind')}>
              <option value="flame">Flame</option><option value="flare">Flare</option><option value="flame_assist">Flame Assist</option>
            </select>
          </Field>
          <Field label="Name" error={fieldErrors.name}><input className={inputClass} value={d.name} onChange={set('name')} /></Field>
          <Field label="AMI" error={fieldErrors.amiId}><input className={`${inputClass} font-mono`} value={d.amiId} onChange={set('amiId')} /></Field>
          <Field label="Allowed instance types" error={fieldErrors.instanceTypes ?? fieldErrors['instanceTypes.0']} hint="e.g. g4dn.2xlarge, g5.4xlarge, g6e.4xlarge">
            <input className={`${inputClass} font-mono`} value={d.instanceTypes} onChange={set('instanceTypes')} />
          </Field>
          <Field label="Volume (GB)" error={fieldErrors.volumeSizeGb}><input type="number" className={inputClass} value={d.volumeSizeGb} onChange={set('volumeSizeGb')} /></Field>
          <Field label="Subnet (optional)" error={fieldErrors.subnetId} hint="empty: the region's default subnet"><input className={`${inputClass} font-mono`} value={d.subnetId} onChange={set('subnetId')} /></Field>
          <Field label="Security groups" error={fieldErrors.securityGroupIds ?? fieldErrors['securityGroupIds.0']} hint="empty: the default group"><input className={`${inputClass} font-mono`} value={d.securityGroupIds} onChange={set('securityGroupIds')} /></Field>
          {error ? <p role="alert" className="col-span-2 rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad">{error}</p> : null}
          <div className="col-span-2 flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={pending}>{pending ? 'Saving…' : 'Save profile'}</Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
