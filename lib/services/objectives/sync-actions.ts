/**
 * Carries out the objectives planner's actions on one Anvil, in order, and says what each did to the
 * application rows. A failed definition skips the sets that need it; a failed unset keeps the definition
 * it would have freed; once the Anvil stops answering, the remaining actions only record why.
 * Not a use case of its own: reconcile-site-objectives.ts calls it and writes the result.
 */
import { isAnvilDown } from '@/lib/adapters/hammerspace';
import type { TApplicationChange } from '@/lib/db/objectives';
import { MANAGED_BY, MANAGED_BY_KEY, type TDesiredApplication, type TSyncAction } from '@/lib/domain/hammerspace/objective-sync';
import type { AnvilPort } from '@/lib/domain/hammerspace/port';
import { logger } from '@/lib/logger';
import { errorText } from '@/lib/services/hammerspace/anvil-for-site';

export type TRepair = { objective: string; detail: string };

export type TSyncOutcome = {
  changes: Map<string, TApplicationChange>;
  /** applications whose removal is done (the row goes). */
  removed: string[];
  /** applications set on the Anvil for the first time. */
  applied: string[];
  repairs: TRepair[];
  errors: string[];
};

const where = (a: { share: string; path: string }) => `${a.share}${a.path === '/' ? '' : a.path}`;

export async function executeSyncPlan(port: AnvilPort, plan: TSyncAction[], apps: Map<string, TDesiredApplication>, now: Date): Promise<TSyncOutcome> {
  const out: TSyncOutcome = { changes: new Map(), removed: [], applied: [], repairs: [], errors: [] };
  const change = (id: string, c: TApplicationChange) => out.changes.set(id, { ...out.changes.get(id), ...c });
  const brokenDefinitions = new Set<string>();
  const stuckUnsets = new Set<string>();
  let down: string | null = null;

  const attempt = async (ids: string[], run: () => Promise<void>, onError: (message: string) => void): Promise<boolean> => {
    if (down) {
      for (const id of ids) change(id, { lastError: down });
      return false;
    }
    try {
      await run();
      return true;
    } catch (err) {
      const message = errorText(err);
      if (isAnvilDown(err)) down = message;
      onError(message);
      return false;
    }
  };

  for (const a of plan) {
    switch (a.kind) {
      case 'create-definition':
      case 'update-definition': {
        const input = { name: a.name, expression: a.expression, extendedInfo: { [MANAGED_BY_KEY]: MANAGED_BY } };
        const ok = await attempt(a.applicationIds, async () => {
          if (a.kind === 'update-definition') return void (await port.updateObjective(input));
          try {
            await port.createObjective(input);
          } catch (err) {
            // Another pass (the bring-up step, a second worker) created it a moment ago: make it ours.
            if ((err as { vendorCode?: string }).vendorCode !== 'ENTITY_ALREADY_EXISTS') throw err;
            await port.updateObjective(input);
          }
        }, (message) => {
          brokenDefinitions.add(a.name);
          for (const id of a.applicationIds) change(id, { state: 'failed', lastError: message });
        });
        if (ok && a.drift) {
          out.repairs.push({ objective: a.name, detail: a.kind === 'create-definition' ? 'its definition had been deleted on the Anvil; created it again' : 'its expression had been changed on the Anvil; restored it' });
          for (const id of a.applicationIds) if (apps.get(id)?.state === 'applied') change(id, { repairedAt: now });
        }
        break;
      }
      case 'set': {
        if (brokenDefinitions.has(a.objective)) break;
        const ok = await attempt([a.applicationId], async () => {
          await port.setObjective(a.share, a.path, a.objective);
        }, (message) => change(a.applicationId, { state: 'failed', lastError: message }));
        if (!ok) break;
        change(a.applicationId, { state: 'applied', lastError: null, appliedAt: now, ...(a.drift ? { repairedAt: now } : {}) });
        if (a.drift) out.repairs.push({ objective: a.objective, detail: `it had been unset from ${where(a)} on the Anvil; set it again` });
        else out.applied.push(a.applicationId);
        break;
      }
      case 'confirm':
        change(a.applicationId, { state: 'applied', lastError: null, appliedAt: now });
        out.applied.push(a.applicationId);
        break;
      case 'path-error':
        change(a.applicationId, { state: 'failed', lastError: a.message });
        break;
      case 'unset': {
        const ok = await attempt([a.applicationId], async () => {
          try {
            await port.unsetObjective(a.share, a.path, a.objective);
          } catch (err) {
            // Already unset by a racing pass counts as done; anything else is a failure.
            if (isAnvilDown(err) || (await port.pathObjectives(a.share, a.path)).local.some((x) => x.objective === a.objective)) throw err;
          }
        }, (message) => {
          stuckUnsets.add(a.objective);
          change(a.applicationId, { lastError: message });
        });
        if (ok) out.removed.push(a.applicationId);
        break;
      }
      case 'forget':
        out.removed.push(a.applicationId);
        break;
      case 'delete-definition': {
        if (stuckUnsets.has(a.name) || down) break;
        await attempt([], () => port.deleteObjective(a.name), (message) => {
          // No row carries a definition we no longer want; the next pass tries again.
          out.errors.push(message);
          logger.warn({ objective: a.name, err: message }, 'objectives reconciler could not delete a definition');
        });
        break;
      }
    }
  }
  return out;
}
