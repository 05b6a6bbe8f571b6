/**
 * Terminates an orphan instance. There is no workstation row to carry the intent, so the call is made
 * here, directly; TerminateInstances is idempotent, so a retry after any failure is safe. The orphan
 * stays listed (as shutting-down) until the reconciler no longer sees the instance.
 */
import { z } from 'zod';
import { changeInstanceStates } from '@/lib/adapters/aws/ec2-instances';
import { toAwsAppError } from '@/lib/adapters/aws/errors';
import { db } from '@/lib/db/client';
import { findOrphan, setOrphanState } from '@/lib/db/orphans';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { AppError } from '@/lib/errors';
import { audit } from '../audit';
import { publishChange } from '../live/publish-change';
import { requestReconcile } from './request-reconcile';

export const ZTerminateOrphan = z.object({ orphanId: z.string().min(1), confirm: z.string() });

export async function terminateOrphan(actor: Actor, input: z.infer<typeof ZTerminateOrphan>): Promise<{ instanceId: string; state: string }> {
  requireRole(actor, 'admin');
  const { orphanId, confirm } = ZTerminateOrphan.parse(input);
  const orphan = await findOrphan(orphanId);
  if (!orphan) throw new AppError('NOT_FOUND', 'That orphan instance is no longer listed; it may have been adopted or terminated.');
  if (confirm.trim() !== orphan.instanceId) {
    throw new AppError('VALIDATION', `Type “${orphan.instanceId}” to confirm.`, { fieldErrors: { confirm: [`Type “${orphan.instanceId}” to confirm`] } });
  }
  let state: string;
  try {
    const [change] = await changeInstanceStates(orphan.site.region, 'terminate', [orphan.instanceId]);
    state = change?.state ?? 'shutting-down';
  } catch (raw) {
    const err = toAwsAppError(raw, `TerminateInstances in ${orphan.site.region}`);
    await db().$transaction((tx) => audit(tx, actor, 'orphan.terminate-failed', { type: 'orphan', id: orphan.instanceId }, `Terminating ${orphan.instanceId} failed: ${err.vendorCode ?? err.code}`));
    throw err;
  }
  await db().$transaction(async (tx) => {
    await setOrphanState(orphan.id, state, tx);
    await audit(tx, actor, 'orphan.terminate', { type: 'orphan', id: orphan.instanceId }, `Terminated orphan ${orphan.instanceId} at ${orphan.site.name}`, { tags: orphan.tags ?? {} });
    await requestReconcile(tx, orphan.siteId, 'terminate-orphan');
    await publishChange(tx, { topic: 'workstations' });
  });
  return { instanceId: orphan.instanceId, state };
}
