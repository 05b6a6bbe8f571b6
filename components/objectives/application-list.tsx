import { Badge, stateTone } from '@/components/ui/badge';
import { LocalTime } from '@/components/ui/local-time';
import { Table, Td, Th } from '@/components/ui/table';
import { ConfirmButton } from './confirm-button';
import type { TApplicationView } from './types';
import type { ServerAction } from './use-action';

const where = (a: TApplicationView) => `${a.share}${a.path === '/' ? '' : a.path}`;

/** Where an objective is applied, how each application stands on its Anvil, and a confirmed remove. */
export function ApplicationList({ applications, remove }: { applications: TApplicationView[]; remove: ServerAction<{ applicationId: string }, unknown> }) {
  if (!applications.length) return <p className="text-sm text-muted">Not applied anywhere yet.</p>;
  return (
    <Table label="Where it is applied">
      <thead>
        <tr><Th>Site</Th><Th>Share path</Th><Th>State</Th><Th>Detail</Th><Th className="text-right">Actions</Th></tr>
      </thead>
      <tbody>
        {applications.map((a) => (
          <tr key={a.id} data-testid={`application-${a.region}`}>
            <Td>{a.site} {a.isHome ? <Badge tone="info">home</Badge> : null}</Td>
            <Td className="font-mono text-xs">{where(a)}</Td>
            <Td><Badge tone={a.state === 'removing' ? 'warn' : stateTone(a.state)}>{a.state}</Badge></Td>
            <Td className="text-xs text-muted">
              {a.lastError ? <p className="text-bad">{a.lastError}</p> : null}
              {a.appliedAt ? <p>Applied <LocalTime iso={a.appliedAt} /></p> : null}
              {a.repairedAt ? <p className="text-warn">Drift repaired <LocalTime iso={a.repairedAt} /></p> : null}
            </Td>
            <Td className="text-right">
              {a.state === 'removing' ? (
                <span className="text-xs text-faint">being removed…</span>
              ) : (
                <ConfirmButton label="Remove" title={`Remove from ${where(a)} at ${a.site}?`} confirmLabel="Remove" run={remove} input={{ applicationId: a.id }}>
                  The objective will be unset from <span className="font-mono">{where(a)}</span> on {a.site}&apos;s Anvil. Data already placed stays where it is.
                </ConfirmButton>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
