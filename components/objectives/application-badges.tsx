import { Badge, stateTone } from '@/components/ui/badge';
import type { TApplicationView } from './types';

/** Compact "site · share/path · state" badges for the objectives list; the error is shown, not hidden. */
export function ApplicationBadges({ applications }: { applications: TApplicationView[] }) {
  if (!applications.length) return <p className="mt-2 text-xs text-faint">Not applied anywhere yet.</p>;
  return (
    <div className="mt-2 space-y-1">
      <div className="flex flex-wrap gap-2">
        {applications.map((a) => (
          <Badge key={a.id} tone={a.state === 'removing' ? 'warn' : stateTone(a.state)} title={a.lastError ?? undefined}>
            {a.site} · {a.share}{a.path === '/' ? '' : a.path} · {a.state}{a.repairedAt ? ' · repaired' : ''}
          </Badge>
        ))}
      </div>
      {applications.filter((a) => a.lastError).map((a) => (
        <p key={a.id} className="text-xs text-bad">{a.site}: {a.lastError}</p>
      ))}
    </div>
  );
}
