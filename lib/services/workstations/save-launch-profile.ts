/**
 * Creates or edits a site's launch profile (AMI, allowed instance types, subnet, security groups, volume).
 * Workstations already launched keep their instances; a launch still in flight keeps the parameters it
 * was first sent with (EC2 refuses a ClientToken reused with different ones), which the row then shows.
 */
import { db } from '@/lib/db/client';
import { findLaunchProfile, saveLaunchProfile as saveProfileRow } from '@/lib/db/launch-profiles';
import { findWorkstationSite } from '@/lib/db/workstation-sites';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { ZLaunchProfile, type TLaunchProfile } from '@/lib/domain/workstations/profile';
import { AppError } from '@/lib/errors';
import { audit } from '../audit';
import { publishChange } from '../live/publish-change';

export async function saveLaunchProfile(actor: Actor, input: Partial<TLaunchProfile> & Record<string, unknown>): Promise<{ id: string }> {
  requireRole(actor, 'admin');
  const parsed = ZLaunchProfile.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION', 'Some fields need attention.', { fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), [i.message]])) });
  const p = { ...parsed.data, instanceTypes: [...new Set(parsed.data.instanceTypes)] };
  if (!(await findWorkstationSite(p.siteId))) throw new AppError('NOT_FOUND', 'That site does not exist.');
  if (p.id) {
    const existing = await findLaunchProfile(p.id);
    if (!existing || existing.siteId !== p.siteId) throw new AppError('NOT_FOUND', 'That launch profile does not exist at this site.');
  }
  try {
    return await db().$transaction(async (tx) => {
      const row = await saveProfileRow(p, tx);
      await audit(tx, actor, p.id ? 'launch-profile.update' : 'launch-profile.create', { type: 'launch-profile', id: row.id }, `${p.id ? 'Updated' : 'Created'} launch profile ${p.name}`, {
        amiId: p.amiId, instanceTypes: p.instanceTypes, subnetId: p.subnetId, securityGroupIds: p.securityGroupIds, volumeSizeGb: p.volumeSizeGb,
      });
      await publishChange(tx, { topic: 'workstations' });
      return { id: row.id };
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') throw new AppError('CONFLICT', `This site already has a profile named ${p.name}.`, { fieldErrors: { name: ['Already used at this site'] } });
    throw err;
  }
}
