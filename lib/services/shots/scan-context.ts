/**
 * What indexing a clip needs to know about the studio, read once per scan (or per minute by the
 * watcher): the home site's publish root (the timeline lives there, and every site's renders reach
 * it through replication), every site's root for path mapping, the projects' layouts, and the ids of
 * projects and sequences already created. Not a use case of its own.
 */
import { db } from '@/lib/db/client';
import type { TSiteRoot, TPublishLayout } from '@/lib/domain/publish';
import { readProjectLayout } from '@/lib/domain/shots/project-layout';

export interface TScanContext {
  home: { id: string; name: string; publishRoot: string };
  roots: TSiteRoot[];
  siteNames: Map<string, string>;
  /** Projects with a layout of their own. */
  layouts: Map<string, TPublishLayout>;
  /** Projects whose stored layout does not read: their clips are not indexed until it is fixed. */
  brokenLayouts: Map<string, string>;
  projectIds: Map<string, string>;
  sequenceIds: Map<string, string>;
  loadedAt: number;
}

export type TScanContextResult = { ok: true; ctx: TScanContext } | { ok: false; reason: string };

export async function loadScanContext(now = Date.now()): Promise<TScanContextResult> {
  const [sites, projects] = await Promise.all([
    db().site.findMany({ select: { id: true, name: true, isHome: true, publishRoot: true }, orderBy: [{ isHome: 'desc' }, { name: 'asc' }] }),
    db().project.findMany({ select: { id: true, name: true, layout: true } }),
  ]);
  const home = sites.find((s) => s.isHome);
  if (!home) return { ok: false, reason: 'no site is the home site' };
  if (!home.publishRoot) return { ok: false, reason: `${home.name} (the home site) has no publish root` };
  const layouts = new Map<string, TPublishLayout>();
  const brokenLayouts = new Map<string, string>();
  for (const p of projects) {
    if (!p.layout) continue;
    const read = readProjectLayout(p.layout);
    if (read.ok) layouts.set(p.name, read.layout);
    else brokenLayouts.set(p.name, read.reason);
  }
  return {
    ok: true,
    ctx: {
      home: { id: home.id, name: home.name, publishRoot: home.publishRoot },
      roots: sites.filter((s) => s.publishRoot).map((s) => ({ site: s.id, root: s.publishRoot as string })),
      siteNames: new Map(sites.map((s) => [s.id, s.name])),
      layouts,
      brokenLayouts,
      projectIds: new Map(projects.map((p) => [p.name, p.id])),
      sequenceIds: new Map(),
      loadedAt: now,
    },
  };
}

const isUniqueViolation = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2002';

/**
 * The id of a project (and then a sequence) by name, created when first seen. Two scans may meet on
 * the same new name: the loser of the insert reads the winner's row.
 */
export async function ensureProject(ctx: TScanContext, name: string): Promise<string> {
  const cached = ctx.projectIds.get(name);
  if (cached) return cached;
  const found = await db().project.findUnique({ where: { name }, select: { id: true } });
  const id =
    found?.id ??
    (await db()
      .project.create({ data: { name }, select: { id: true } })
      .then((p) => p.id)
      .catch(async (err) => {
        if (!isUniqueViolation(err)) throw err;
        return (await db().project.findUniqueOrThrow({ where: { name }, select: { id: true } })).id;
      }));
  ctx.projectIds.set(name, id);
  return id;
}

export async function ensureSequence(ctx: TScanContext, projectId: string, name: string): Promise<string> {
  const key = `${projectId}/${name}`;
  const cached = ctx.sequenceIds.get(key);
  if (cached) return cached;
  const where = { projectId_name: { projectId, name } };
  const found = await db().sequence.findUnique({ where, select: { id: true } });
  const id =
    found?.id ??
    (await db()
      .sequence.create({ data: { projectId, name }, select: { id: true } })
      .then((s) => s.id)
      .catch(async (err) => {
        if (!isUniqueViolation(err)) throw err;
        return (await db().sequence.findUniqueOrThrow({ where, select: { id: true } })).id;
      }));
  ctx.sequenceIds.set(key, id);
  return id;
}
