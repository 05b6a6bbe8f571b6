/**
 * The objectives reconciler's planner for one site: what Postgres wants (objective definitions and
 * their applications to share paths) against what that site's Anvil holds, turned into actions.
 * Definitions we create carry `extendedInfo.managedBy`, so one we created and no longer want can be
 * told from one an admin made by hand (which we never delete). Order matters and is kept: definitions
 * before the paths that use them, unsets before the definitions they free.
 */
import type { TObjectiveDefinition } from './types';

export const MANAGED_BY_KEY = 'managedBy';
export const MANAGED_BY = 'studio-control-plane';

export type TAppState = 'pending' | 'applied' | 'removing' | 'failed';

export type TDesiredApplication = { id: string; objective: string; expression: string; share: string; path: string; state: TAppState };

/** Objective names set locally on each share path (`pathKey(share, path)`), or an error reading it. */
export type TObservedPaths = Map<string, { objectives: string[] } | { error: string }>;

export const pathKey = (share: string, path: string) => `${share}\u0000${path}`;

export type TSyncAction =
  | { kind: 'create-definition'; name: string; expression: string; drift: boolean; applicationIds: string[] }
  | { kind: 'update-definition'; name: string; expression: string; drift: boolean; applicationIds: string[] }
  | { kind: 'set'; applicationId: string; objective: string; share: string; path: string; drift: boolean }
  | { kind: 'confirm'; applicationId: string }
  | { kind: 'path-error'; applicationId: string; message: string }
  | { kind: 'unset'; applicationId: string; objective: string; share: string; path: string }
  | { kind: 'forget'; applicationId: string }
  | { kind: 'delete-definition'; name: string };

const same = (a: string | null, b: string) => (a ?? '').trim() === b.trim();
export const isManaged = (d: TObjectiveDefinition) => d.extendedInfo[MANAGED_BY_KEY] === MANAGED_BY;

/**
 * `applications`: every application at this site; state `removing` (or an objective being deleted,
 * which the caller passes as `removing`) means "unset it", any other state means "make it so".
 */
export function planObjectiveSync(applications: TDesiredApplication[], definitions: TObjectiveDefinition[], paths: TObservedPaths): TSyncAction[] {
  const wanted = applications.filter((a) => a.state !== 'removing');
  const leaving = applications.filter((a) => a.state === 'removing');
  const observed = new Map(definitions.map((d) => [d.name, d]));
  const actions: TSyncAction[] = [];

  const byObjective = new Map<string, TDesiredApplication[]>();
  for (const a of wanted) byObjective.set(a.objective, [...(byObjective.get(a.objective) ?? []), a]);
  for (const [name, apps] of byObjective) {
    const expression = (apps[0] as TDesiredApplication).expression;
    const have = observed.get(name);
    // Drift: the app already had it in place, so someone changed it on the Anvil.
    const drift = apps.some((a) => a.state === 'applied');
    const applicationIds = apps.map((a) => a.id);
    if (!have) actions.push({ kind: 'create-definition', name, expression, drift, applicationIds });
    // A definition made by hand with the same text is left alone (and never becomes ours to delete).
    else if (have.basic || !same(have.expression, expression)) actions.push({ kind: 'update-definition', name, expression, drift, applicationIds });
  }

  for (const a of wanted) {
    const seen = paths.get(pathKey(a.share, a.path));
    if (!seen) continue;
    if ('error' in seen) actions.push({ kind: 'path-error', applicationId: a.id, message: seen.error });
    else if (!seen.objectives.includes(a.objective)) actions.push({ kind: 'set', applicationId: a.id, objective: a.objective, share: a.share, path: a.path, drift: a.state === 'applied' });
    else if (a.state !== 'applied') actions.push({ kind: 'confirm', applicationId: a.id });
  }

  for (const a of leaving) {
    const seen = paths.get(pathKey(a.share, a.path));
    // A path the Anvil cannot list (share gone) holds nothing of ours: the removal is done.
    if (seen && 'objectives' in seen && seen.objectives.includes(a.objective)) {
      actions.push({ kind: 'unset', applicationId: a.id, objective: a.objective, share: a.share, path: a.path });
    } else if (seen) actions.push({ kind: 'forget', applicationId: a.id });
  }

  const stillUsed = new Set(wanted.map((a) => a.objective));
  for (const d of definitions) {
    if (isManaged(d) && !stillUsed.has(d.name)) actions.push({ kind: 'delete-definition', name: d.name });
  }
  return actions;
}

/** Every (share, path) the planner needs the Anvil to list. */
export function pathsToObserve(applications: TDesiredApplication[]): { share: string; path: string }[] {
  const seen = new Map<string, { share: string; path: string }>();
  for (const a of applications) seen.set(pathKey(a.share, a.path), { share: a.share, path: a.path });
  return [...seen.values()];
}
