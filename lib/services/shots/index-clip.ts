/**
 * Indexes one shot clip found under the home site's publish root: read it, and if its bytes changed,
 * parse, diff against the last good snapshot and record the result in ONE transaction (shot, versions,
 * shot events, notifications, the live notice). Unchanged bytes write nothing. A clip that does not
 * parse keeps its versions and snapshot; only the error is recorded on the shot. Called by the watcher,
 * the full scan and the periodic rescan; a per-clip transaction lock makes concurrent calls take turns.
 */
import { createHash } from 'node:crypto';
import { readClipFile, statFile } from '@/lib/adapters/publish/clip-files';
import { db, type Tx } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { DEFAULT_MAX_BYTES, parseOpenClip, ZOpenClip } from '@/lib/domain/openclip';
import { relativeToRoot } from '@/lib/domain/publish';
import { planIndex, type TIndexPlan, type TShotEventRow, type TStoredShot } from '@/lib/domain/shots/plan-index';
import { identifyShotClip } from '@/lib/domain/shots/project-layout';
import { notifyNewVersions } from '../assignments/notify-new-versions';
import { publishChange } from '../live/publish-change';
import { ensureProject, ensureSequence, type TScanContext } from './scan-context';

export type TIndexStatus = 'indexed' | 'failed' | 'unchanged' | 'not-a-shot' | 'skipped' | 'missing' | 'changing';
export interface TIndexOutcome {
  status: TIndexStatus;
  shotId?: string;
  events?: string[];
  reason?: string;
}

const SHOT_STATE = {
  id: true, clipPath: true, clipHash: true, clipSize: true, clipMtime: true, clipMissingAt: true, currentVuid: true, latestVuid: true,
  parseError: true, parseErrorAt: true, clipSnapshot: true,
  versions: { select: { id: true, vuid: true, name: true, position: true, contentHash: true, siteId: true, removedAt: true } },
} as const;

/**
 * `trustStat`: skip the read when size and mtime equal what was stored (periodic rescans of
 * thousands of unchanged clips); the watcher never trusts them, since a copy keeps its origin's mtime.
 */
export async function indexClipFile(ctx: TScanContext, absPath: string, opts: { trustStat?: boolean } = {}): Promise<TIndexOutcome> {
  const rel = relativeToRoot(absPath, ctx.home.publishRoot);
  const identity = rel ? identifyShotClip(rel, ctx.layouts) : null;
  if (!rel || !identity) return { status: 'not-a-shot' };
  const broken = ctx.brokenLayouts.get(rel.split('/')[0] ?? '');
  if (broken) return { status: 'skipped', reason: `project layout does not read: ${broken}` };

  if (opts.trustStat) {
    const [st, row] = await Promise.all([statFile(absPath), db().shot.findFirst({ where: { clipPath: identity.clipPath }, select: { clipHash: true, clipSize: true, clipMtime: true, clipMissingAt: true } })]);
    if (!st) return { status: 'missing' };
    if (row?.clipHash && !row.clipMissingAt && row.clipSize === st.size && row.clipMtime?.getTime() === st.mtimeMs) return { status: 'unchanged' };
  }
  const file = await readClipFile(absPath, DEFAULT_MAX_BYTES);
  if (!file.ok) return { status: file.reason === 'missing' ? 'missing' : 'changing', reason: file.message };
  const hash = createHash('sha256').update(file.bytes).digest('hex');
  const projectId = await ensureProject(ctx, identity.project);
  const sequenceId = await ensureSequence(ctx, projectId, identity.sequence);

  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`shot-clip:${sequenceId}/${identity.shot}`}))`;
    const shot = await tx.shot.findUnique({ where: { sequenceId_name: { sequenceId, name: identity.shot } }, select: SHOT_STATE });
    const fileState = { clipSize: file.size, clipMtime: new Date(file.mtimeMs) };
    if (shot && shot.clipHash === hash && shot.clipPath === identity.clipPath) {
      const statMoved = shot.clipSize !== file.size || shot.clipMtime?.getTime() !== file.mtimeMs;
      if (statMoved || shot.clipMissingAt) await tx.shot.update({ where: { id: shot.id }, data: { ...fileState, clipMissingAt: null } });
      if (!shot.clipMissingAt) return { status: 'unchanged', shotId: shot.id };
      await writeEvents(tx, shot.id, [{ kind: 'back', vuid: null, summary: 'Open Clip found again', data: {} }]);
      await publishChange(tx, { topic: 'shots', id: shot.id });
      return { status: 'indexed', shotId: shot.id, events: ['back'] };
    }

    const stored: TStoredShot | null = shot
      ? { currentVuid: shot.currentVuid, latestVuid: shot.latestVuid, parseError: shot.parseError, snapshot: readSnapshot(shot.clipSnapshot), versions: shot.versions }
      : null;
    const plan = planIndex(stored, parseOpenClip(file.bytes, { clipPath: absPath }), ctx);
    const base = { folderPath: identity.folderPath, clipPath: identity.clipPath, clipHash: hash, clipMissingAt: null, ...fileState };
    const shotId = plan.kind === 'failed'
      ? await recordFailure(tx, { sequenceId, name: identity.shot, existing: shot, base, plan })
      : await recordClip(tx, { sequenceId, name: identity.shot, existing: shot, base, plan, ctx });
    if (shot?.clipMissingAt) plan.events.unshift({ kind: 'back', vuid: null, summary: 'Open Clip found again', data: {} });
    const events = plan.events.map((e) => e.kind);
    await writeEvents(tx, shotId, plan.events);
    if (plan.kind === 'indexed' || plan.errorChanged || !shot) await publishChange(tx, { topic: 'shots', id: shotId });
    return { status: plan.kind, shotId, events };
  }, { timeout: 30_000 });
}

/** A stored snapshot that no longer validates (an older shape) is treated as none, never trusted. */
function readSnapshot(json: Prisma.JsonValue | null): TStoredShot['snapshot'] {
  if (json === null) return null;
  const parsed = ZOpenClip.safeParse(json);
  return parsed.success ? parsed.data : null;
}

type TShotRow = Prisma.ShotGetPayload<{ select: typeof SHOT_STATE }>;
type TBase = { folderPath: string; clipPath: string; clipHash: string; clipMissingAt: null; clipSize: number; clipMtime: Date };

async function recordFailure(
  tx: Tx,
  a: { sequenceId: string; name: string; existing: TShotRow | null; base: TBase; plan: Extract<TIndexPlan, { kind: 'failed' }> },
): Promise<string> {
  // The first time an error is seen it is stamped; the same error seen again keeps its stamp, so the
  // page can say "unreadable since".
  const parseErrorAt = a.plan.errorChanged || !a.existing?.parseErrorAt ? new Date() : a.existing.parseErrorAt;
  const data = { ...a.base, parseError: a.plan.errorText, parseErrorAt };
  if (a.existing) return (await tx.shot.update({ where: { id: a.existing.id }, data, select: { id: true } })).id;
  return (await tx.shot.create({ data: { ...data, sequenceId: a.sequenceId, name: a.name }, select: { id: true } })).id;
}

async function recordClip(
  tx: Tx,
  a: { sequenceId: string; name: string; existing: TShotRow | null; base: TBase; plan: Extract<TIndexPlan, { kind: 'indexed' }>; ctx: TScanContext },
): Promise<string> {
  const { plan } = a;
  const latest = plan.snapshot.versions.find((v) => v.uid === plan.latestVuid);
  const data = {
    ...a.base,
    batchPath: latest?.batchSetup ? toProjectsRelative(latest.batchSetup, a.ctx) : null,
    currentVuid: plan.currentVuid,
    latestVuid: plan.latestVuid,
    clipSnapshot: plan.snapshot as unknown as Prisma.InputJsonValue,
    parseError: null,
    parseErrorAt: null,
  };
  const shotId = a.existing
    ? (await tx.shot.update({ where: { id: a.existing.id }, data, select: { id: true } })).id
    : (await tx.shot.create({ data: { ...data, sequenceId: a.sequenceId, name: a.name }, select: { id: true } })).id;
  if (plan.create.length > 0) await tx.version.createMany({ data: plan.create.map((r) => ({ ...r, shotId })), skipDuplicates: true });
  for (const r of plan.update) {
    const { vuid, siteId, ...rest } = r;
    // The site that first rendered a version stays; a re-render elsewhere names its own site.
    await tx.version.update({ where: { shotId_vuid: { shotId, vuid } }, data: { ...rest, ...(siteId ? { siteId } : {}) } });
  }
  if (plan.remove.length > 0) await tx.version.updateMany({ where: { shotId, vuid: { in: plan.remove }, removedAt: null }, data: { removedAt: new Date() } });
  if (plan.restore.length > 0) await tx.version.updateMany({ where: { shotId, vuid: { in: plan.restore } }, data: { removedAt: null } });
  if (plan.announce.length > 0) {
    const rows = await tx.version.findMany({ where: { shotId, vuid: { in: plan.announce } }, select: { id: true, name: true } });
    await notifyNewVersions(tx, rows.map((v) => ({ shotId, versionId: v.id, name: v.name })));
  }
  return shotId;
}

/** A Batch setup under any site's projects root, relative to it (how shot paths are stored). */
function toProjectsRelative(path: string, ctx: TScanContext): string {
  for (const r of [...ctx.roots].sort((x, y) => y.root.length - x.root.length)) {
    const rel = relativeToRoot(path, r.root);
    if (rel) return rel;
  }
  return path;
}

export async function writeEvents(tx: Tx, shotId: string, events: readonly TShotEventRow[]) {
  if (events.length === 0) return;
  await tx.shotEvent.createMany({ data: events.map((e) => ({ shotId, kind: e.kind, vuid: e.vuid, summary: e.summary, data: e.data as Prisma.InputJsonValue })) });
}
