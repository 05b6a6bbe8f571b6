import { Badge } from '@/components/ui/badge';
import { LocalTime } from '@/components/ui/local-time';

const KIND: Record<string, string> = { replication_lag: 'lag', anvil_unreachable: 'unreachable', clock_skew: 'clock' };

type Alert = { id: string; kind: string; message: string; raisedAt: string; resolvedAt?: string | null };

/** Open replication alerts, then the ones cleared in the last day. */
export function AlertList({ open, resolved }: { open: Alert[]; resolved: Alert[] }) {
  return (
    <div className="space-y-3">
      {open.length === 0 ? <p className="text-sm text-ok">No open alerts.</p> : null}
      <ul className="space-y-2" aria-label="Open alerts">
        {open.map((a) => (
          <li key={a.id} role="alert" className="flex items-start justify-between gap-3 rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm" data-testid={`alert-${a.kind}`}>
            <span><Badge tone="bad">{KIND[a.kind] ?? a.kind}</Badge> {a.message}</span>
            <span className="shrink-0 text-xs text-faint">since <LocalTime iso={a.raisedAt} /></span>
          </li>
        ))}
      </ul>
      {resolved.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-muted">Cleared in the last day ({resolved.length})</summary>
          <ul className="mt-2 space-y-1 text-xs text-muted">
            {resolved.map((a) => (
              <li key={a.id}>{a.message} <span className="text-faint">(<LocalTime iso={a.raisedAt} /> – <LocalTime iso={a.resolvedAt} />)</span></li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
