import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LiveRefresh } from '@/components/live/live-refresh';
import { ApplicationList } from '@/components/objectives/application-list';
import { ApplyForm } from '@/components/objectives/apply-form';
import { ConfirmButton } from '@/components/objectives/confirm-button';
import { ObjectiveForm } from '@/components/objectives/objective-form';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guards';
import { isAppError } from '@/lib/errors';
import { getObjective } from '@/lib/services/objectives/get-objective';
import {
  applyObjectiveAction, createObjectiveAction, deleteObjectiveAction, previewFnmatchAction, removeApplicationAction, updateObjectiveAction, validateExpressionAction,
} from '../actions';

export const metadata: Metadata = { title: 'Objective' };

async function load(actor: Awaited<ReturnType<typeof requirePage>>, id: string) {
  try {
    return await getObjective(actor, id);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
}

export default async function ObjectivePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ note?: string }> }) {
  const actor = await requirePage('admin');
  const { id } = await params;
  const { note } = await searchParams;
  const { objective: o, shares } = await load(actor, id);
  const applied = [...new Set(o.applications.filter((a) => a.state !== 'removing').map((a) => a.siteId))];
  return (
    <>
      <LiveRefresh topics={['objectives']} />
      <PageHeader
        title={o.name}
        description={o.description ?? 'A Hammerspace objective'}
        actions={<Link href="/objectives" className="text-sm text-muted hover:text-ink">Back to objectives</Link>}
      />
      {note ? <p role="status" className="mb-4 rounded-md border border-warn/40 bg-warn/10 px-3 py-2 text-sm text-warn">{note}</p> : null}
      {o.deleting ? <p className="mb-4"><Badge tone="warn">being removed from the Anvils</Badge></p> : null}
      <div className="space-y-6">
        <Card title="Where it is applied">
          <ApplicationList applications={o.applications} remove={removeApplicationAction} />
        </Card>
        {o.deleting ? null : (
          <>
            <Card title="Apply to a share path">
              <ApplyForm objectiveId={o.id} shares={shares} applications={o.applications} apply={applyObjectiveAction} />
            </Card>
            <Card title="Expression">
              <ObjectiveForm initial={o} create={createObjectiveAction} update={updateObjectiveAction} validate={validateExpressionAction} preview={previewFnmatchAction} siteIds={applied.length ? applied : undefined} />
            </Card>
            <Card title="Delete">
              <div className="flex items-center justify-between gap-4">
                <p className="text-sm text-muted">Unsets it from every share path and removes its definition from every Anvil, then deletes it here.</p>
                <ConfirmButton label="Delete objective" title={`Delete ${o.name}?`} confirmLabel="Delete" run={deleteObjectiveAction} input={{ id: o.id }} requireText={o.name} variant="danger" size="md" redirectTo="/objectives">
                  {o.name} will be unset from {o.applications.length} share path{o.applications.length === 1 ? '' : 's'} and its definition removed from those Anvils. Data already placed stays where it is.
                </ConfirmButton>
              </div>
            </Card>
          </>
        )}
      </div>
    </>
  );
}
