import type { Metadata } from 'next';
import Link from 'next/link';
import { BoardFilters, boardHref } from '@/components/assignments/board-filters';
import { BoardTable } from '@/components/assignments/board-table';
import { LiveRefresh } from '@/components/live/live-refresh';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { requirePage } from '@/lib/auth/guards';
import { listBoard } from '@/lib/services/assignments/list-board';
import { assignShotsAction, changeStatusAction, unassignShotsAction } from './actions';

export const metadata: Metadata = { title: 'Assignment board' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BoardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePage('admin', 'producer');
  const raw = await searchParams;
  const one = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : undefined);
  const view = await listBoard(actor, { status: one('status') as never, artistId: one('artistId'), siteId: one('siteId'), sequenceId: one('sequenceId'), q: one('q'), page: one('page') as never });
  return (
    <>
      {/* New versions (the scanner) and status changes (artists) arrive while the producer watches. */}
      <LiveRefresh topics={['shots', 'assignments']} />
      <PageHeader
        title="Assignment board"
        description="Every published shot by sequence: who has it, where, by when, and its latest version."
        actions={<Link href="/shots" className={buttonClass('ghost', 'sm')}>Shot list</Link>}
      />
      <BoardFilters view={view} />
      {view.total === 0 ? (
        <EmptyState title="Nothing published yet">Shots appear here as soon as Flame’s Shot Publish writes them to a site’s publish root.</EmptyState>
      ) : view.shown === 0 ? (
        <EmptyState title="No shot matches">Change the filters or the search.</EmptyState>
      ) : (
        <>
          <BoardTable groups={view.groups} artists={view.artists} actions={{ assign: assignShotsAction, changeStatus: changeStatusAction, unassign: unassignShotsAction }} />
          <Pager page={view.page} pageSize={view.pageSize} total={view.matching} href={(page) => boardHref(view.query, { page })} label="Shots" />
        </>
      )}
    </>
  );
}
