/**
 * Builds the artist's view of one of their assignments: paths mapped to their site, latest version, the
 * moves open to them, and the data-locality banner. Not a use case: list-my-assignments and
 * get-my-assignment share it, and both have already checked that the assignment is the actor's.
 */
import type { Prisma } from '@/lib/db/generated/client';
import { localityBanner, type LocalityReader, type TShotLocality } from '@/lib/domain/assignments/locality';
import { pathAtSite } from '@/lib/domain/assignments/shot-paths';
import { movesFor } from '@/lib/domain/assignments/status';
import { recentValues } from '@/lib/utils/recent-value';
import { readLocalities } from './hammerspace-locality';
import type { TMyAssignmentView } from '@/lib/domain/assignments/views';
import type { TStudioSites } from './studio-sites';

export const MY_ASSIGNMENT_SELECT = {
  id: true, status: true, dueDate: true, note: true, createdAt: true,
  site: { select: { id: true, name: true } },
  shot: {
    select: {
      id: true, name: true, folderPath: true, batchPath: true,
      sequence: { select: { name: true, project: { select: { name: true } } } },
      versions: { where: { removedAt: null }, orderBy: { position: 'desc' }, take: 1, select: { name: true, discoveredAt: true } },
    },
  },
} satisfies Prisma.AssignmentSelect;

export type TMyAssignmentRow = Prisma.AssignmentGetPayload<{ select: typeof MY_ASSIGNMENT_SELECT }>;

/**
 * The artist's pages refresh on every live notice (a workstation reconcile pass included): where a shot's
 * data is changes slowly, so each web process remembers an answer for a few seconds instead of walking
 * the Anvil's namespace on every refresh. Assigning always reads fresh.
 */
const LOCALITY_TTL_MS = 15_000;
// Requests that arrive while a folder is being walked wait for that walk rather than starting their own:
// fifty refreshes at once used to mean fifty walks of every shot (bench/pages.ts, the artist's home).
const recent = recentValues<TShotLocality>(LOCALITY_TTL_MS);

function remembered(reader: LocalityReader): LocalityReader {
  return { read: (shot) => recent.get(shot.folderPath, () => reader.read(shot)) };
}

export async function myAssignmentViews(rows: TMyAssignmentRow[], studio: TStudioSites, reader: LocalityReader, opts: { fresh?: boolean } = {}): Promise<TMyAssignmentView[]> {
  const localities = await readLocalities(opts.fresh ? reader : remembered(reader), rows.map((r) => ({ id: r.shot.id, folderPath: r.shot.folderPath })));
  return rows.map((a) => {
    const latest = a.shot.versions[0];
    return {
      id: a.id, shotId: a.shot.id, shot: a.shot.name, sequence: a.shot.sequence.name, project: a.shot.sequence.project.name,
      status: a.status, dueDate: a.dueDate?.toISOString().slice(0, 10) ?? null, note: a.note,
      site: { id: a.site.id, name: a.site.name },
      folder: pathAtSite(a.shot.folderPath, studio.roots, a.site.id) ?? a.shot.folderPath,
      batch: a.shot.batchPath ? pathAtSite(a.shot.batchPath, studio.roots, a.site.id) ?? a.shot.batchPath : null,
      latestVersion: latest ? { name: latest.name, discoveredAt: latest.discoveredAt.toISOString() } : null,
      banner: localityBanner(localities.get(a.shot.id)!, a.site.id, a.site.name),
      moves: movesFor(a.status, ['assigned-artist']).map((m) => ({ to: m.to, verb: m.verb })),
    };
  });
}
