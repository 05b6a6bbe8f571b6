import { Badge, stateTone } from '@/components/ui/badge';
import { LocalTime } from '@/components/ui/local-time';
import { Table, Td, Th } from '@/components/ui/table';
import { formatLag } from '@/lib/domain/hammerspace/lag';
import type { TSiteView } from '@/lib/domain/sites/views';
import { SiteActions, type SiteActionSet } from './site-actions';

const lag = (s: number | null) => (s === null ? <span className="text-faint">—</span> : formatLag(s));

function Anvil({ s }: { s: TSiteView }) {
  if (!s.anvilUrl) return <Badge>none</Badge>;
  if (s.anvilHealthy === null) return <Badge>unknown</Badge>;
  if (s.anvilHealthy) return <Badge tone="ok">healthy</Badge>;
  return <span title={s.anvilUnreachableAt ?? undefined}><Badge tone="bad">unreachable</Badge></span>;
}

/** Every site: state, workstations running/total and $/hour, lag in/out, Anvil health, last reconcile, actions. */
export function SitesTable({ sites, actions }: { sites: TSiteView[]; actions: SiteActionSet }) {
  return (
    <Table label="Sites">
      <thead>
        <tr>
          <Th>Site</Th><Th>State</Th><Th>Workstations</Th><Th>$/hour</Th><Th>Lag in / out</Th><Th>Anvil</Th><Th>Last reconcile</Th><Th>Actions</Th>
        </tr>
      </thead>
      <tbody>
        {sites.map((s) => (
          <tr key={s.id} data-testid={`site-row-${s.name}`} data-state={s.state}>
            <Td>
              <span className="font-medium">{s.name}</span> {s.isHome ? <Badge tone="info">home</Badge> : null}
              <span className="block font-mono text-xs text-faint">{s.region}{s.city ? ` · ${s.city}` : ''}</span>
            </Td>
            <Td>
              <span data-testid="site-state"><Badge tone={stateTone(s.state)}>{s.state}</Badge></span>
              {!s.launchesAllowed && s.state === 'active' ? <span className="ml-1 text-xs text-warn">launches paused</span> : null}
              {s.failureReason ? <span className="mt-1 block max-w-xs text-xs text-bad" data-testid="failure-reason">{s.failureReason}</span> : null}
            </Td>
            <Td className="tabular-nums">{s.running} / {s.workstationCount}</Td>
            <Td className="tabular-nums">${s.usdPerHour.toFixed(2)}{s.unpricedTypes.length ? <span className="ml-1 text-xs text-warn" title={`No price for ${s.unpricedTypes.join(', ')}`}>+?</span> : null}</Td>
            <Td className="tabular-nums text-xs">{lag(s.lagInSeconds)} / {lag(s.lagOutSeconds)}</Td>
            <Td><Anvil s={s} /></Td>
            <Td className="text-muted">
              <LocalTime iso={s.lastReconciledAt} mode="relative" />
              {s.lastReconcileError ? <span className="mt-1 block max-w-xs text-xs text-bad">{s.lastReconcileError}</span> : null}
            </Td>
            <Td><SiteActions site={s} actions={actions} /></Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
