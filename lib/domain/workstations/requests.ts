/**
 * What a person may ask of a workstation, and the confirmation a terminate needs. Pure rules shared by
 * the services (which enforce them) and the UI (which explains them before anyone clicks).
 */
export type RequestVerb = 'start' | 'stop' | 'terminate';

type RowFacts = { name: string; desiredState: string; lost: boolean };

/** Why the request cannot be made, or null when it can. A request already in effect is fine (a no-op). */
export function refusalFor(verb: RequestVerb, w: RowFacts): string | null {
  if (w.desiredState === 'terminated') return `${w.name} is terminated.`;
  if (w.lost && verb !== 'terminate') return `${w.name} lost its instance; relaunch or terminate it.`;
  return null;
}

/** The text to type before terminating: the name for one machine, a phrase with the count for several. */
export function terminateConfirmation(names: string[]): string {
  if (names.length === 1) return names[0] as string;
  return `terminate ${names.length} workstations`;
}

export function confirmsTermination(names: string[], typed: string): boolean {
  return typed.trim() === terminateConfirmation(names);
}

export function desiredFor(verb: RequestVerb): 'running' | 'stopped' | 'terminated' {
  return verb === 'start' ? 'running' : verb === 'stop' ? 'stopped' : 'terminated';
}
