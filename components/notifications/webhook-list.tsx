'use client';

import { useState } from 'react';
import { useServerAction, type ServerAction } from '@/components/assignments/use-server-action';
import { Badge, type Tone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { LocalTime } from '@/components/ui/local-time';
import { Table, Td, Th } from '@/components/ui/table';
import { ConfirmDialog } from '@/components/workstations/confirm-dialog';

type TDelivery = { id: string; status: string; attempts: number; lastStatus: number | null; lastError: string | null; createdAt: string; deliveredAt: string | null };
type TWebhook = { id: string; url: string; events: string[]; active: boolean; user: string | null; createdAt: string; deliveries: TDelivery[] };
export type WebhookListActions = {
  remove: ServerAction<{ id: string; confirmed: true }, { id: string }>;
  setActive: ServerAction<{ id: string; active: boolean }, { id: string; active: boolean }>;
  test: ServerAction<{ id: string }, { deliveryId: string }>;
};

const TONE: Record<string, Tone> = { delivered: 'ok', pending: 'info', retrying: 'warn', failed: 'bad', cancelled: 'muted' };

/** Every receiver with its last deliveries, and pause, test and remove (removal asks first). */
export function WebhookList({ webhooks, actions }: { webhooks: TWebhook[]; actions: WebhookListActions }) {
  const remove = useServerAction(actions.remove);
  const toggle = useServerAction(actions.setActive);
  const test = useServerAction(actions.test);
  const [removing, setRemoving] = useState<TWebhook | null>(null);
  if (webhooks.length === 0) return <p className="text-sm text-muted">No receiver yet.</p>;
  const error = toggle.error ?? test.error;
  return (
    <>
      {error ? <p role="alert" className="mb-2 text-sm text-bad">{error}</p> : null}
      <Table label="Webhook receivers">
        <thead><tr><Th>Receiver</Th><Th>For</Th><Th>Events</Th><Th>Last deliveries</Th><Th><span className="sr-only">Actions</span></Th></tr></thead>
        <tbody>
          {webhooks.map((w) => (
            <tr key={w.id}>
              <Td className="font-mono text-xs">{w.url}{w.active ? null : <> <Badge tone="warn">paused</Badge></>}</Td>
              <Td>{w.user ?? <span className="text-muted">whole studio</span>}</Td>
              <Td className="text-xs">{w.events.length ? w.events.join(', ') : 'all'}</Td>
              <Td>
                <ul className="space-y-0.5 text-xs">
                  {w.deliveries.length === 0 ? <li className="text-faint">none yet</li> : null}
                  {w.deliveries.map((d) => (
                    <li key={d.id} title={d.lastError ?? undefined}>
                      <Badge tone={TONE[d.status] ?? 'muted'}>{d.status}</Badge> <LocalTime iso={d.createdAt} mode="relative" />
                      {d.attempts > 1 ? ` · ${d.attempts} attempts` : ''}{d.lastStatus ? ` · HTTP ${d.lastStatus}` : ''}
                    </li>
                  ))}
                </ul>
              </Td>
              <Td>
                <div className="flex justify-end gap-1.5">
                  <Button size="sm" disabled={!w.active || test.pending} onClick={() => test.execute({ id: w.id })}>Send test</Button>
                  <Button size="sm" disabled={toggle.pending} onClick={() => toggle.execute({ id: w.id, active: !w.active })}>{w.active ? 'Pause' : 'Resume'}</Button>
                  <Button size="sm" variant="danger" onClick={() => setRemoving(w)}>Remove</Button>
                </div>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <ConfirmDialog
        open={removing !== null}
        title="Remove this receiver?"
        confirmLabel="Remove"
        danger
        pending={remove.pending}
        error={remove.error}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => removing && remove.execute({ id: removing.id, confirmed: true }, () => setRemoving(null))}
      >
        {removing?.url} stops receiving notifications at once, and its delivery history is deleted. Messages still queued for it are dropped.
      </ConfirmDialog>
    </>
  );
}
