'use client';

import { useState } from 'react';
import { Badge, stateTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog, Field } from '@/components/ui/dialog';
import { inputClass } from '@/components/ui/input';
import { LocalTime } from '@/components/ui/local-time';
import { Table, Td, Th } from '@/components/ui/table';
import type { OrphanView } from '@/lib/domain/workstations/views';
import { ConfirmDialog } from './confirm-dialog';
import { useWorkstationAction, type ActionOutcome } from './use-workstation-action';

type Actions = {
  adopt: (input: { orphanId: string; artistId: string | null }) => Promise<ActionOutcome>;
  terminate: (input: { orphanId: string; confirm: string }) => Promise<ActionOutcome>;
};

function OrphanRow({ o, artists, actions }: { o: OrphanView; artists: Array<{ id: string; name: string }>; actions: Actions }) {
  const [dialog, setDialog] = useState<'adopt' | 'terminate' | null>(null);
  const [artistId, setArtistId] = useState('');
  const adopt = useWorkstationAction(actions.adopt);
  const terminate = useWorkstationAction(actions.terminate);
  const close = () => {
    adopt.reset();
    terminate.reset();
    setDialog(null);
  };
  const gone = o.state === 'shutting-down' || o.state === 'terminated';
  return (
    <tr>
      <Td className="font-mono text-xs">{o.instanceId}</Td>
      <Td>{o.name ?? <span className="text-faint">no Name tag</span>}{o.claimedBy ? <p className="font-mono text-xs text-faint">claims {o.claimedBy}</p> : null}</Td>
      <Td>{o.site} <span className="font-mono text-xs text-faint">{o.region}</span></Td>
      <Td className="font-mono text-xs">{o.instanceType}</Td>
      <Td><Badge tone={stateTone(o.state)}>{o.state}</Badge></Td>
      <Td className="text-xs text-muted"><LocalTime iso={o.firstSeenAt} mode="relative" /></Td>
      <Td className="space-x-2 whitespace-nowrap">
        <Button size="sm" onClick={() => setDialog('adopt')} disabled={gone}>Adopt</Button>
        <Button size="sm" variant="danger" onClick={() => setDialog('terminate')} disabled={gone}>Terminate</Button>
        <Dialog open={dialog === 'adopt'} onClose={close} title={`Adopt ${o.instanceId}?`}>
          <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); adopt.execute({ orphanId: o.id, artistId: artistId || null }, () => setDialog(null)); }}>
            <p className="text-sm text-muted">It becomes a workstation of {o.site} as it is now ({o.state}); nothing changes in AWS.</p>
            <Field label="Artist (optional)">
              <select className={inputClass} value={artistId} onChange={(e) => setArtistId(e.target.value)}>
                <option value="">Unassigned</option>
                {artists.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
              </select>
            </Field>
            {adopt.error ? <p role="alert" className="text-sm text-bad">{adopt.error}</p> : null}
            <div className="flex justify-end gap-2"><Button onClick={close}>Cancel</Button><Button type="submit" variant="primary" disabled={adopt.pending}>Adopt</Button></div>
          </form>
        </Dialog>
        <ConfirmDialog open={dialog === 'terminate'} title={`Terminate ${o.instanceId}?`} confirmLabel="Terminate" danger requireText={o.instanceId} pending={terminate.pending} error={terminate.error} onClose={close}
          onConfirm={(typed) => terminate.execute({ orphanId: o.id, confirm: typed }, () => setDialog(null))}>
          The instance and its disk are destroyed. No workstation row refers to it, so nothing in the console will remember it.
        </ConfirmDialog>
      </Td>
    </tr>
  );
}

/** Instances tagged as ours that no workstation claims: drift shown, for an admin to adopt or terminate. */
export function OrphansSection({ orphans, artists, actions }: { orphans: OrphanView[]; artists: Array<{ id: string; name: string }>; actions: Actions }) {
  if (!orphans.length) return null;
  return (
    <section className="mt-8" aria-labelledby="orphans-heading">
      <h2 id="orphans-heading" className="mb-1 text-sm font-semibold">Orphan instances <Badge tone="warn">{orphans.length}</Badge></h2>
      <p className="mb-3 text-sm text-muted">Tagged <span className="font-mono">studio:managed=true</span> in a site’s region, but no workstation claims them. They cost money until adopted or terminated.</p>
      <Table label="Orphan instances">
        <thead><tr><Th>Instance</Th><Th>Name</Th><Th>Site</Th><Th>Type</Th><Th>State</Th><Th>First seen</Th><Th /></tr></thead>
        <tbody>{orphans.map((o) => <OrphanRow key={o.id} o={o} artists={artists} actions={actions} />)}</tbody>
      </Table>
    </section>
  );
}
