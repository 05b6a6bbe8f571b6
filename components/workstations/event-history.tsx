import { Badge, stateTone, type Tone } from '@/components/ui/badge';
import { LocalTime } from '@/components/ui/local-time';
import type { WorkstationEventView } from '@/lib/domain/workstations/views';

const KIND_TONE: Record<string, Tone> = { error: 'bad', lost: 'bad', 'idle-warning': 'warn', 'idle-stop': 'warn', requested: 'info' };

/** A workstation's history, newest first: requests, what EC2 reported, errors, idle notices. */
export function EventHistory({ events }: { events: WorkstationEventView[] }) {
  if (!events.length) return <p className="text-sm text-faint">Nothing has happened yet.</p>;
  return (
    <ol className="space-y-2" aria-label="Event history">
      {events.map((e) => (
        <li key={e.id} className="rounded-md border border-line/60 bg-canvas/40 px-3 py-2 text-sm">
          <div className="flex items-center gap-2 text-xs text-muted">
            <LocalTime iso={e.at} />
            <Badge tone={KIND_TONE[e.kind] ?? 'muted'}>{e.kind}</Badge>
            {e.state ? <Badge tone={stateTone(e.state)}>{e.state}</Badge> : null}
          </div>
          <p className="mt-1">{e.message}</p>
        </li>
      ))}
    </ol>
  );
}
