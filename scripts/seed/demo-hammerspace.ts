/**
 * The Hammerspace part of the demo seed: the studio preset "Open Clip files always local at the home
 * site" applied to the `projects` share at the home site (the workers' objectives reconciler then
 * creates and sets it on Studio East's Anvil), and the lag collectors started at once rather than at the
 * workers' next cron minute.
 */
import { db } from '../../lib/db/client';
import { systemActor } from '../../lib/domain/auth/actor';
import { applyPreset } from '../../lib/services/objectives/apply-preset';
import { ensureCollectionChains } from '../../lib/services/replication/schedule-lag-collection';

export const DEMO_PRESET = 'studio-open-clips-local';

export async function seedDemoHammerspace(): Promise<void> {
  const share = await db().share.findUnique({ where: { name: 'projects' }, select: { id: true } });
  if (!share) return;
  await applyPreset(systemActor('seed'), { preset: DEMO_PRESET, shareId: share.id });
  await ensureCollectionChains();
}
