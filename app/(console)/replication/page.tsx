import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guards';
import { listSites } from '@/lib/services/sites/list-sites';

export const metadata: Metadata = { title: 'Replication' };

export default async function ReplicationPage() {
  const actor = await requirePage('admin');
  const sites = await listSites(actor);
  return (
    <>
      <PageHeader title="Replication" description="How far each site's view of the shares trails the others." />
      <EmptyState title="No lag samples collected yet">
        The lag collector reads each of the {sites.length} sites’ Anvils every 15 seconds; samples appear here once it has run.
      </EmptyState>
    </>
  );
}
