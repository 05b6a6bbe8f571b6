'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, Field } from '@/components/ui/dialog';
import { inputClass } from '@/components/ui/input';
import type { LaunchOptionsView } from '@/lib/domain/workstations/views';
import { useWorkstationAction, type ActionOutcome } from './use-workstation-action';

type LaunchInput = { siteId: string; profileId: string; instanceType: string; count: number; artistId: string | null };

/** Site → profile → instance type (with its price) → count → optional artist. The server validates it all again. */
export function LaunchDialog({ options, launch }: { options: LaunchOptionsView; launch: (input: LaunchInput) => Promise<ActionOutcome<{ workstations: Array<{ id: string; name: string }> }>> }) {
  const [open, setOpen] = useState(false);
  const firstSite = options.sites.find((s) => s.launchable) ?? options.sites[0];
  const [siteId, setSiteId] = useState(firstSite?.id ?? '');
  const site = options.sites.find((s) => s.id === siteId);
  const [profileId, setProfileId] = useState(site?.profiles[0]?.id ?? '');
  const profile = site?.profiles.find((p) => p.id === profileId) ?? site?.profiles[0];
  const [instanceType, setInstanceType] = useState(profile?.instanceTypes[0] ?? '');
  const [count, setCount] = useState(1);
  const [artistId, setArtistId] = useState('');
  const [launched, setLaunched] = useState<string[]>([]);
  const { execute, pending, error, fieldErrors, reset } = useWorkstationAction(launch);

  const chooseSite = (id: string) => {
    setSiteId(id);
    const p = options.sites.find((s) => s.id === id)?.profiles[0];
    setProfileId(p?.id ?? '');
    setInstanceType(p?.instanceTypes[0] ?? '');
  };
  const chooseProfile = (id: string) => {
    setProfileId(id);
    setInstanceType(site?.profiles.find((p) => p.id === id)?.instanceTypes[0] ?? '');
  };
  const close = () => {
    reset();
    setOpen(false);
  };
  const price = options.prices[instanceType];
  const type = profile?.instanceTypes.includes(instanceType) ? instanceType : (profile?.instanceTypes[0] ?? '');
  return (
    <>
      <Button variant="primary" onClick={() => { setLaunched([]); setOpen(true); }}>Launch workstations</Button>
      {launched.length ? <p className="sr-only" role="status">Launched {launched.join(', ')}</p> : null}
      <Dialog open={open} onClose={close} title="Launch workstations">
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            execute({ siteId, profileId: profile?.id ?? '', instanceType: type, count, artistId: artistId || null }, (data) => {
              setLaunched(data.workstations.map((w) => w.name));
              setOpen(false);
            });
          }}
        >
          <Field label="Site" error={fieldErrors.siteId} hint={site?.reason ?? undefined}>
            <select className={inputClass} value={siteId} onChange={(e) => chooseSite(e.target.value)}>
              {options.sites.map((s) => <option key={s.id} value={s.id}>{s.name} ({s.region}){s.launchable ? '' : ' — unavailable'}</option>)}
            </select>
          </Field>
          <Field label="Launch profile" error={fieldErrors.profileId}>
            <select className={inputClass} value={profile?.id ?? ''} onChange={(e) => chooseProfile(e.target.value)} disabled={!site?.profiles.length}>
              {site?.profiles.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </Field>
          <Field label="Instance type" error={fieldErrors.instanceType} hint={price !== undefined ? `$${price.toFixed(3)} per hour while running` : 'No price set for this type'}>
            <select className={inputClass} value={type} onChange={(e) => setInstanceType(e.target.value)}>
              {profile?.instanceTypes.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </Field>
          <Field label="How many" error={fieldErrors.count}>
            <input type="number" min={1} max={20} value={count} onChange={(e) => setCount(Number(e.target.value))} className={inputClass} />
          </Field>
          <Field label="Artist (optional)" error={fieldErrors.artistId}>
            <select className={inputClass} value={artistId} onChange={(e) => setArtistId(e.target.value)}>
              <option value="">Unassigned</option>
              {options.artists.map((a) => <option key={a.id} value={a.id}>{a.name} ({a.email})</option>)}
            </select>
          </Field>
          {error ? <p role="alert" className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad">{error}</p> : null}
          <div className="flex justify-end gap-2 pt-2">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={pending || !site?.launchable}>{pending ? 'Launching…' : `Launch ${count}`}</Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
