import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { sizedInput } from '@/components/ui/input';
import { BOARD_STATUSES, STATUS_LABELS } from '@/lib/domain/assignments/status';
import type { TBoardView } from '@/lib/domain/assignments/views';

/** Another filter starts again at the first page; only a page link keeps (or sets) the page. */
export const boardHref = (q: TBoardView['query'], change: Partial<TBoardView['query']>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, page: undefined, ...change })) if (v && !(k === 'page' && v === 1)) params.set(k, String(v));
  const s = params.toString();
  return s ? `/shots/board?${s}` : '/shots/board';
};

/**
 * Filters as a plain GET form and status counts as links: the URL holds the board's state, so a filtered
 * board can be bookmarked or shared, and works before any JavaScript has loaded.
 */
export function BoardFilters({ view }: { view: TBoardView }) {
  const q = view.query;
  return (
    <div className="mb-5 space-y-3">
      <nav aria-label="Status" className="flex flex-wrap gap-1.5">
        <Link href={boardHref(q, { status: undefined })} aria-current={!q.status ? 'page' : undefined} className={buttonClass(!q.status ? 'primary' : 'secondary', 'sm')}>
          all <span className="tabular-nums opacity-80">{view.total}</span>
        </Link>
        {BOARD_STATUSES.map((s) => (
          <Link key={s} href={boardHref(q, { status: s })} aria-current={q.status === s ? 'page' : undefined} className={buttonClass(q.status === s ? 'primary' : 'secondary', 'sm')}>
            {STATUS_LABELS[s]} <span className="tabular-nums opacity-80">{view.counts[s]}</span>
          </Link>
        ))}
      </nav>
      <form method="get" action="/shots/board" role="search" className="flex flex-wrap items-end gap-2">
        {q.status ? <input type="hidden" name="status" value={q.status} /> : null}
        <input name="q" defaultValue={q.q ?? ''} placeholder="Search shot, sequence, artist…" aria-label="Search" className={sizedInput('w-64')} />
        <select name="artistId" defaultValue={q.artistId ?? ''} aria-label="Artist" className={sizedInput('w-44')}>
          <option value="">Any artist</option>
          {view.artists.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
        <select name="siteId" defaultValue={q.siteId ?? ''} aria-label="Site" className={sizedInput('w-40')}>
          <option value="">Any site</option>
          {view.sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
        <select name="sequenceId" defaultValue={q.sequenceId ?? ''} aria-label="Sequence" className={sizedInput('w-44')}>
          <option value="">Any sequence</option>
          {view.sequences.map((s) => <option key={s.id} value={s.id}>{s.project} / {s.name}</option>)}
        </select>
        <button type="submit" className={buttonClass('secondary')}>Filter</button>
        {q.q || q.artistId || q.siteId || q.sequenceId || q.status ? <Link href="/shots/board" className={buttonClass('ghost')}>Reset</Link> : null}
      </form>
    </div>
  );
}
