import Link from 'next/link';
import { buttonClass } from './button';

/**
 * Previous/next links for a list the server pages (a studio's 5,000 workstations or 20,000 shots are never
 * rendered at once). Plain links: the page number lives in the URL with the filters.
 */
export function Pager({ page, pageSize, total, href, label }: { page: number; pageSize: number; total: number; href: (page: number) => string; label: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label={`${label} pages`} className="mt-3 flex items-center justify-end gap-2 text-sm text-muted">
      <span className="tabular-nums">{first.toLocaleString('en')}–{last.toLocaleString('en')} of {total.toLocaleString('en')}</span>
      {page > 1 ? <Link href={href(page - 1)} className={buttonClass('secondary', 'sm')} rel="prev">Previous</Link> : null}
      {page < pages ? <Link href={href(page + 1)} className={buttonClass('secondary', 'sm')} rel="next">Next</Link> : null}
    </nav>
  );
}
