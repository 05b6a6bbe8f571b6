import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { PriceTable } from '@/components/workstations/price-table';
import { ProfileFormDialog } from '@/components/workstations/profile-form-dialog';
import { requirePage } from '@/lib/auth/guards';
import { PROFILE_KIND_LABEL } from '@/lib/domain/workstations/profile';
import { listLaunchProfilesAndPrices } from '@/lib/services/workstations/list-launch-profiles';
import { saveLaunchProfileAction, updatePriceAction } from '../actions';

export const metadata: Metadata = { title: 'Launch profiles and prices' };

export default async function ProfilesPage() {
  const actor = await requirePage('admin');
  const { sites, profiles, prices, unpricedTypes } = await listLaunchProfilesAndPrices(actor);
  const blank = { siteId: sites[0]?.id ?? '', name: '', kind: 'flame' as const, amiId: '', instanceTypes: ['g5.4xlarge'], subnetId: null, securityGroupIds: [], volumeSizeGb: 500 };
  return (
    <>
      <PageHeader
        title="Launch profiles and prices"
        description="What each site launches (AMI, allowed types, network, disk) and what each type costs per hour."
        actions={<><Link href="/workstations" className={buttonClass('secondary')}>Back to workstations</Link><ProfileFormDialog initial={blank} sites={sites} save={saveLaunchProfileAction} label="New profile" /></>}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        {sites.map((s) => (
          <Card key={s.id} title={`${s.name} · ${s.region}`}>
            {profiles.filter((p) => p.siteId === s.id).length === 0 ? <p className="text-sm text-faint">No launch profile: workstations cannot be launched here yet.</p> : null}
            <ul className="space-y-3">
              {profiles.filter((p) => p.siteId === s.id).map((p) => (
                <li key={p.id} className="flex items-start justify-between gap-3 text-sm">
                  <div>
                    <p className="font-medium">{p.name} <span className="text-xs text-muted">{PROFILE_KIND_LABEL[p.kind]}</span></p>
                    <p className="font-mono text-xs text-muted">{p.amiId} · {p.volumeSizeGb} GB · {p.subnetId ?? 'default subnet'}{p.securityGroupIds.length ? ` · ${p.securityGroupIds.join(', ')}` : ''}</p>
                    <p className="font-mono text-xs">{p.instanceTypes.join(', ')}</p>
                  </div>
                  <ProfileFormDialog initial={{ id: p.id, siteId: p.siteId, name: p.name, kind: p.kind, amiId: p.amiId, instanceTypes: p.instanceTypes, subnetId: p.subnetId, securityGroupIds: p.securityGroupIds, volumeSizeGb: p.volumeSizeGb }} sites={sites} save={saveLaunchProfileAction} label="Edit" />
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </div>
      <h2 className="mb-3 mt-8 text-sm font-semibold">Prices</h2>
      <PriceTable prices={prices} unpriced={unpricedTypes} save={updatePriceAction} />
    </>
  );
}
