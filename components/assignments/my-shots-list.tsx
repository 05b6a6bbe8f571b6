'use client';

import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import type { TMyAssignmentView } from '@/lib/domain/assignments/views';
import { LocalityNotice, SitePath } from './shot-location';
import { AssignmentStatusBadge } from './status-badge';
import { StatusMoves, type ChangeStatusAction } from './status-moves';

/**
 * The artist's assigned shots, soonest due first, with the moves open to them. A client component so the
 * page carries each assignment once as data rather than its server-rendered tree (bench/pages.ts).
 */
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
