import { Badge, type Tone } from '@/components/ui/badge';
import { LocalTime } from '@/components/ui/local-time';

const TONES: Record<string, Tone> = {
  'version-added': 'ok',
  'current-changed': 'info',
  're-rendered': 'info',
  'clip-rewritten': 'warn',
  'parse-failed': 'bad',
  'parse-recovered': 'ok',
  missing: 'bad',
  back: 'ok',
};

/** What the scanner saw happen to the shot, newest first. */
export function ShotActivity({ events }: { events: Array<{ id: string; at: string; kind: string; summary: string }> }) {
  if (events.length === 0) return <p className="text-sm text-faint">Nothing yet.</p>;
  return (
    <ol className="space-y-2 text-sm" aria-label="Shot activity">
      {events.map((e) => (
        <li key={e.id} className="flex flex-wrap items-baseline gap-2">
          <span className="w-36 shrink-0 text-xs text-muted">
            <LocalTime iso={e.at} />
          </span>
          <Badge tone={TONES[e.kind] ?? 'muted'}>{e.kind.replace('-', ' ')}</Badge>
          <span>{e.summary}</span>
        </li>
      ))}
    </ol>
  );
}
