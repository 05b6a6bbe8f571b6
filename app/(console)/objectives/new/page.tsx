import type { Metadata } from 'next';
import Link from 'next/link';
import { ObjectiveForm } from '@/components/objectives/objective-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guards';
import { createObjectiveAction, previewFnmatchAction, updateObjectiveAction, validateExpressionAction } from '../actions';

export const metadata: Metadata = { title: 'New objective' };

export default async function NewObjectivePage() {
  await requirePage('admin');
  return (
    <>
      <PageHeader title="New objective" description="Write the expression; it is checked as you type, then by the home site's Anvil. Apply it to share paths once saved." actions={<Link href="/objectives" className="text-sm text-muted hover:text-ink">Back to objectives</Link>} />
      <Card>
        <ObjectiveForm create={createObjectiveAction} update={updateObjectiveAction} validate={validateExpressionAction} preview={previewFnmatchAction} />
      </Card>
    </>
  );
}
