/**
 * Data locality of a shot, and what assigning it to an artist needs. An artist can only work a shot at
 * speed when its folder's bytes are at the site of their workstation; otherwise the producer is offered a
 * pre-stage: a keep-local objective on the shot folder at the artist's site, and the artist's machine
 * started, so both are ready by the time the artist sits down. Ports (`LocalityReader`, `PreStager`) are
 * declared here and implemented in lib/services over the Hammerspace adapter and the workstation intents.
 */

/** Where a shot folder's data is. Site ids are ours (sites.id), not Hammerspace's site names. */
export type TShotLocality =
  | { known: true; files: number; completeAt: string[]; partialAt: string[] }
  | { known: false; reason: string };

export type TShotRef = { id: string; folderPath: string };

export interface LocalityReader {
  read(shot: TShotRef): Promise<TShotLocality>;
}

export type TPreStageRequest = { shotId: string; folderPath: string; siteId: string; workstationId: string; startWorkstation: boolean };

export type TPreStageResult = { shotId: string; objectiveApplied: boolean; workstationStarted: boolean };

/**
 * Writes pre-stage intents inside the caller's transaction (reconcilers act on them afterwards). Takes
 * many at once: a bulk assignment pre-stages hundreds of shots for one artist in one go.
 */
export interface PreStager<TTx> {
  preStage(tx: TTx, requests: readonly TPreStageRequest[]): Promise<TPreStageResult[]>;
}

/** Folds the per-file "data present at" lists of a folder into complete and partial sites. */
export function summarizeLocality(files: ReadonlyArray<{ dataPresentAt: readonly string[] }>, siteIdByName: ReadonlyMap<string, string>): TShotLocality {
  const counts = new Map<string, number>();
  for (const f of files) {
    for (const name of new Set(f.dataPresentAt)) {
      const id = siteIdByName.get(name);
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  // An empty folder is complete nowhere: nothing was published yet, so nothing can be worked on.
  const completeAt = files.length === 0 ? [] : [...counts].filter(([, n]) => n === files.length).map(([id]) => id).sort();
  const partialAt = [...counts].filter(([, n]) => n < files.length).map(([id]) => id).sort();
  return { known: true, files: files.length, completeAt, partialAt };
}

export type TArtistWorkstation = { id: string; name: string; siteId: string; desiredState: string; observedState: string | null };

export type TAssignmentPlan =
  | { kind: 'ready'; siteId: string; workstationId: string }
  | { kind: 'pre-stage'; siteId: string; workstationId: string; startWorkstation: boolean; reason: string }
  | { kind: 'no-workstation'; reason: string };

const rank = (w: TArtistWorkstation) => (w.observedState === 'running' ? 0 : w.desiredState === 'running' ? 1 : 2);
const byPreference = (a: TArtistWorkstation, b: TArtistWorkstation) => rank(a) - rank(b) || a.name.localeCompare(b.name);

/**
 * Ready when one of the artist's workstations is at a site holding all of the shot's data (a running one
 * first); otherwise a pre-stage at the site of the artist's preferred workstation.
 */
export function planAssignment(workstations: readonly TArtistWorkstation[], locality: TShotLocality): TAssignmentPlan {
  const usable = workstations.filter((w) => w.desiredState !== 'terminated').sort(byPreference);
  if (usable.length === 0) return { kind: 'no-workstation', reason: 'has no workstation; ask an admin to launch one first' };
  if (locality.known) {
    const local = usable.find((w) => locality.completeAt.includes(w.siteId));
    if (local) return { kind: 'ready', siteId: local.siteId, workstationId: local.id };
  }
  const target = usable[0]!;
  const reason = !locality.known
    ? `where the data is could not be checked (${locality.reason})`
    : locality.files === 0
      ? 'the shot folder holds no published files yet'
      : locality.partialAt.includes(target.siteId)
        ? 'only part of the shot’s data is at the artist’s site'
        : 'the shot’s data is not at the artist’s site';
  return { kind: 'pre-stage', siteId: target.siteId, workstationId: target.id, startWorkstation: target.desiredState !== 'running', reason };
}

export type TLocalityBanner = { tone: 'warn' | 'muted'; text: string } | null;

/** The artist's banner: nothing when their site holds the whole shot. */
export function localityBanner(locality: TShotLocality, siteId: string, siteName: string): TLocalityBanner {
  if (!locality.known) return { tone: 'muted', text: `Could not check whether this shot’s data is in ${siteName} yet (${locality.reason}).` };
  if (locality.completeAt.includes(siteId)) return null;
  if (locality.files === 0) return { tone: 'warn', text: 'Nothing is published in this shot’s folder yet.' };
  return { tone: 'warn', text: `This shot’s data is not yet complete in ${siteName}: opening it now reads across regions.` };
}
