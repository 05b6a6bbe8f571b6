import type { Metadata } from 'next';
import { MyShotsList } from '@/components/assignments/my-shots-list';
import { LiveRefresh } from '@/components/live/live-refresh';
import { MyWorkstationCard } from '@/components/workstations/my-workstation-card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guards';
import { listMyAssignments } from '@/lib/services/assignments/list-my-assignments';
import { getMyWorkstations } from '@/lib/services/workstations/get-my-workstation';
import { startAction, stopAction } from '../workstations/actions';
import { changeMyStatusAction } from './shots/actions';

export const metadata: Metadata = { title: 'My shots' };

export default async function ArtistHomePage() {
  const actor = await requirePage('artist');
  const [assignments, workstations] = await Promise.all([listMyAssignments(actor), getMyWorkstations(actor)]);
  return (
    <>
      <LiveRefresh topics={['workstations', 'assignments', 'shots']} />
      <PageHeader title={`Hello, ${actor.name.split(' ')[0]}`} description="Your shots and your workstation." />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <h2 className="mb-3 text-xs font-medium uppercase tracking-wider text-muted">My shots</h2>
          <MyShotsList assignments={assignments} action={changeMyStatusAction} />
        </div>
        <MyWorkstationCard workstations={workstations} actions={{ start: startAction, stop: stopAction }} />
      </div>
    </>
  );
}
