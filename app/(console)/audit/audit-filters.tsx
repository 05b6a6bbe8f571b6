import { buttonClass } from '@/components/ui/button';
import type { TAuditFilter } from '@/lib/services/audit/audit-filter';

const INPUT = 'rounded-md border border-line bg-canvas px-3 py-1.5';

/** A plain GET form: the filter lives in the URL, so a filtered view can be bookmarked and shared. */
export function AuditFilters({ filter, exportHref }: { filter: Partial<TAuditFilter>; exportHref: string }) {
  return (
    <form className="mb-4 flex flex-wrap items-end gap-2 text-sm" role="search" aria-label="Filter the audit trail">
      <label className="flex flex-col gap-1">
        <span className="text-xs text-muted">Actor</span>
        <input name="actor" defaultValue={filter.actor} placeholder="email contains…" aria-label="Filter by actor" className={INPUT} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-muted">Entity</span>
        <input name="entityType" defaultValue={filter.entityType} placeholder="site, workstation…" aria-label="Filter by entity" className={INPUT} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-muted">Entity id</span>
        <input name="entityId" defaultValue={filter.entityId} aria-label="Filter by entity id" className={`${INPUT} w-40`} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-muted">Action</span>
        <input name="action" defaultValue={filter.action} placeholder="user., site.launch…" aria-label="Filter by action" className={`${INPUT} w-40`} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-muted">From (UTC day)</span>
        <input type="date" name="from" defaultValue={filter.from} aria-label="From day (UTC)" className={INPUT} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-muted">To (UTC day, inclusive)</span>
        <input type="date" name="to" defaultValue={filter.to} aria-label="To day (UTC)" className={INPUT} />
      </label>
      <button className={buttonClass('secondary')}>Filter</button>
      {/* A download, not a navigation: the route streams text/csv with Content-Disposition: attachment. */}
      <a href={exportHref} className={buttonClass('ghost')} download>
        Export CSV
      </a>
    </form>
  );
}
