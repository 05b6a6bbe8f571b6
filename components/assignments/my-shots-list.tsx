import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { CopyButton } from '@/components/workstations/copy-button';
import type { TLocalityBanner } from '@/lib/domain/assignments/locality';
import type { TMyAssignmentView } from '@/lib/domain/assignments/views';
import { AssignmentStatusBadge } from './status-badge';
import { StatusMoves, type ChangeStatusAction } from './status-moves';

export function LocalityNotice({ banner }: { banner: TLocalityBanner }) {
  if (!banner) return null;
  const tone = banner.tone === 'warn' ? 'border-warn/40 bg-warn/10 text-warn' : 'border-line bg-raised text-muted';
  return <p role="status" data-testid="locality-banner" className={`rounded-md border px-3 py-2 text-sm ${tone}`}>{banner.text}</p>;
}

/** A path as the artist's site mounts it, ready to paste into Flame's MediaHub. */
export function SitePath({ label, path }: { label: string; path: string | null }) {
  return (
    <div className="flex items-center gap-2 text-xs">
      <span className="w-20 shrink-0 text-faint">{label}</span>
      {path ? (
        <>
          <code className="min-w-0 flex-1 truncate font-mono text-muted" title={path}>{path}</code>
          <CopyButton value={path} label={`Copy the ${label.toLowerCase()} path`} />
        </>
      ) : (
        <span className="text-faint">not published yet</span>
      )}
    </div>
  );
}

/** The artist's assigned shots, soonest due first, with the moves open to them. */
export function MyShotsList({ assignments, action }: { assignments: TMyAssignmentView[]; action: ChangeStatusAction }) {
  if (assignments.length === 0) return <EmptyState title="No shots assigned to you">When a producer assigns you a shot it appears here.</EmptyState>;
  return (
    <ul className="space-y-3" aria-label="My shots">
      {assignments.map((a) => (
        <li key={a.id} className="space-y-2 rounded-lg border border-line bg-panel p-3" data-testid={`my-shot-${a.shot}`}>
          <div className="flex items-start justify-between gap-3">
            <div>
              <Link href={`/me/shots/${a.id}`} className="font-medium hover:underline">{a.shot}</Link>
              <span className="text-muted"> · {a.sequence} · {a.project}</span>
              <p className="text-xs text-faint">
                {a.site.name}
                {a.dueDate ? <> · due <span className="tabular-nums">{a.dueDate}</span></> : null}
                {a.latestVersion ? <> · latest <span className="font-mono">{a.latestVersion.name}</span></> : null}
              </p>
            </div>
            <AssignmentStatusBadge status={a.status} />
          </div>
          {a.note ? <p className="text-sm">{a.note}</p> : null}
          <LocalityNotice banner={a.banner} />
          <SitePath label="Shot folder" path={a.folder} />
          <SitePath label="Batch setup" path={a.batch} />
          <StatusMoves assignmentId={a.id} shot={a.shot} moves={a.moves} action={action} />
        </li>
      ))}
    </ul>
  );
}
