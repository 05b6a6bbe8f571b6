import { Card } from '@/components/ui/card';
import { LocalTime } from '@/components/ui/local-time';

/** What the reconciler found changed directly on an Anvil and put back (from the audit trail). */
export function DriftRepairs({ repairs }: { repairs: { id: string; at: string; summary: string }[] }) {
  return (
    <Card title="Drift repaired by the reconciler" className="mt-6">
      {repairs.length === 0 ? (
        <p className="text-sm text-muted">Nothing so far: every Anvil matched what is set here.</p>
      ) : (
        <ul className="divide-y divide-line/60" aria-label="Drift repaired">
          {repairs.map((r) => (
            <li key={r.id} className="flex items-start justify-between gap-4 py-2 text-sm">
              <span>{r.summary}</span>
              <span className="shrink-0 text-xs text-faint"><LocalTime iso={r.at} /></span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
