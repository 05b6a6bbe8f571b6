/**
 * Indexes one shot clip found under the home site's publish root: read it, and if its bytes changed,
 * parse, diff against the last good snapshot and record everything (shot, versions, shot events, the
 * live notice, and announcements to the people on the shot) atomically. Unchanged bytes write nothing.
 * A clip that does not parse keeps its versions and snapshot; only the error is recorded on the shot.
 * Called by the watcher, the full scan and the periodic rescan at once: the write is a compare-and-set
 * on the state the change was planned from (lib/db/shot-write.ts), and a lost race plans again.
 */
import { createHash } from 'node:crypto';
import { readClipFile, statFile } from '@/lib/adapters/publish/clip-files';
import { db, type Tx } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { readShotState, touchShotFile, type TShotStateRow } from '@/lib/db/shot-state';
import { applyShotWrite, type TShotWrite } from '@/lib/db/shot-write';
import { DEFAULT_MAX_BYTES, parseOpenClip, ZOpenClip } from '@/lib/domain/openclip';
import { relativeToRoot } from '@/lib/domain/publish';
import { planIndex, type TShotEventRow, type TStoredShot } from '@/lib/domain/shots/plan-index';
import { identifyShotClip, type TShotIdentity } from '@/lib/domain/shots/project-layout';
import { notifyNewVersions } from '../assignments/notify-new-versions';
import { LIVE_CHANNEL, publishChange } from '../live/publish-change';
import { ensureProject, ensureSequence, type TScanContext } from './scan-context';

export type TIndexStatus = 'indexed' | 'failed' | 'unchanged' | 'not-a-shot' | 'skipped' | 'missing' | 'changing';
export interface TIndexOutcome {
  status: TIndexStatus;
  shotId?: string;
  events?: string[];
  reason?: string;
}

type TFile = { bytes: Buffer; size: number; mtimeMs: number; hash: string };
const ATTEMPTS = 3;

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
  const projectId = await ensureProject(ctx, identity.project);
  const sequenceId = await ensureSequence(ctx, projectId, identity.sequence);
  const known = await readShotState(db(), sequenceId, identity.shot, false);
  const settled = known?.clipHash && known.clipPath === identity.clipPath && !known.clipMissingAt ? known : null;

  if (opts.trustStat && settled) {
    const st = await statFile(absPath);
    if (!st) return { status: 'missing' };
    if (settled.clipSize === st.size && settled.clipMtime?.getTime() === st.mtimeMs) return { status: 'unchanged', shotId: settled.id };
  }
  const read = await readClipFile(absPath, DEFAULT_MAX_BYTES);
  if (!read.ok) return { status: read.reason === 'missing' ? 'missing' : 'changing', reason: read.message };
  const file: TFile = { ...read, hash: createHash('sha256').update(read.bytes).digest('hex') };
  if (settled && settled.clipHash === file.hash) {
    if (settled.clipSize !== file.size || settled.clipMtime?.getTime() !== file.mtimeMs) await touchShotFile(db(), settled.id, file.size, new Date(file.mtimeMs));
    return { status: 'unchanged', shotId: settled.id };
  }
  for (let attempt = 1; ; attempt++) {
    // A shot not found a moment ago needs no second read (the insert is guarded against a racing scan).
    const outcome = await recordOnce(ctx, identity, sequenceId, absPath, file, attempt === 1 && !known);
    if (outcome) return outcome;
    // Another scan recorded this shot between our read and our write: plan again from what it wrote.
    if (attempt >= ATTEMPTS) throw new Error(`${identity.clipPath}: kept losing the race to record it (${ATTEMPTS} attempts)`);
  }
}

/** One planned write; null when the shot changed since it was read (the compare-and-set did not apply). */
async function recordOnce(ctx: TScanContext, identity: TShotIdentity, sequenceId: string, absPath: string, file: TFile, isNew: boolean): Promise<TIndexOutcome | null> {
  const shot = isNew ? null : await readShotState(db(), sequenceId, identity.shot, true);
  const expected = shot ? { id: shot.id, clipHash: shot.clipHash, missing: shot.clipMissingAt !== null } : null;
  const fields = { folderPath: identity.folderPath, clipPath: identity.clipPath, clipHash: file.hash, clipSize: file.size, clipMtime: new Date(file.mtimeMs), clipMissingAt: null };
  const base = { sequenceId, name: identity.shot, expected, create: [], update: [], remove: [], restore: [], notice: { channel: LIVE_CHANNEL, topic: 'shots' } };

  if (shot && shot.clipHash === file.hash && shot.clipPath === identity.clipPath) {
    // These bytes are recorded already; only a clip that was missing has news (it is back).
    if (!shot.clipMissingAt) return { status: 'unchanged', shotId: shot.id };
    const w = await applyShotWrite(db(), { ...base, shot: { ...fields, parseError: shot.parseError, parseErrorAt: shot.parseErrorAt }, events: [backEvent()] });
    return w.applied ? { status: 'indexed', shotId: w.shotId, events: ['back'] } : null;
  }
  const plan = planIndex(stored(shot), parseOpenClip(file.bytes, { clipPath: absPath }), ctx);
  const events: TShotEventRow[] = shot?.clipMissingAt ? [backEvent(), ...plan.events] : plan.events;

  if (plan.kind === 'failed') {
    // The first time an error is seen it is stamped; the same error again keeps its stamp ("unreadable
    // since"), and is not news for browsers.
    const parseErrorAt = plan.errorChanged || !shot?.parseErrorAt ? new Date() : shot.parseErrorAt;
    const notice = plan.errorChanged || !shot || events.length > 0 ? base.notice : null;
    const w = await applyShotWrite(db(), { ...base, notice, shot: { ...fields, parseError: plan.errorText, parseErrorAt }, events });
    return w.applied ? { status: 'failed', shotId: w.shotId, events: events.map((e) => e.kind) } : null;
  }

  const latest = plan.snapshot.versions.find((v) => v.uid === plan.latestVuid);
  const write: TShotWrite = {
    ...base,
    shot: {
      ...fields, parseError: null, parseErrorAt: null,
      parsed: { batchPath: latest?.batchSetup ? toProjectsRelative(latest.batchSetup, ctx) : null, currentVuid: plan.currentVuid, latestVuid: plan.latestVuid, snapshot: plan.snapshot },
    },
    create: plan.create, update: plan.update, remove: plan.remove, restore: plan.restore, events,
  };
  // Announcements use the notifications service (Prisma), so they share a transaction with the write:
  // a version is announced exactly when it is recorded.
  const result = plan.announce.length === 0
    ? await applyShotWrite(db(), write)
    : await db().$transaction(async (tx) => {
        const w = await applyShotWrite(tx, write);
        if (w.applied) await announce(tx, w.shotId, plan.announce, w.created, plan.create);
        return w;
      });
  return result.applied ? { status: 'indexed', shotId: result.shotId, events: events.map((e) => e.kind) } : null;
}

async function announce(tx: Tx, shotId: string, vuids: readonly string[], created: Map<string, string>, rows: ReadonlyArray<{ vuid: string; name: string }>) {
  const versions = vuids.flatMap((vuid) => {
    const versionId = created.get(vuid);
    const name = rows.find((r) => r.vuid === vuid)?.name;
    return versionId && name ? [{ shotId, versionId, name }] : [];
  });
  if (versions.length > 0) await notifyNewVersions(tx, versions);
}

const backEvent = (): TShotEventRow => ({ kind: 'back', vuid: null, summary: 'Open Clip found again', data: {} });

/** A stored snapshot that no longer validates (an older shape) is treated as none, never trusted. */
function stored(shot: TShotStateRow | null): TStoredShot | null {
  if (!shot) return null;
  const parsed = shot.clipSnapshot === null ? null : ZOpenClip.safeParse(shot.clipSnapshot);
  return { currentVuid: shot.currentVuid, latestVuid: shot.latestVuid, parseError: shot.parseError, snapshot: parsed?.success ? parsed.data : null, versions: shot.versions };
}

/** A Batch setup under any site's projects root, relative to it (how shot paths are stored). */
function toProjectsRelative(path: string, ctx: TScanContext): string {
  for (const r of [...ctx.roots].sort((x, y) => y.root.length - x.root.length)) {
    const rel = relativeToRoot(path, r.root);
    if (rel) return rel;
  }
  return path;
}

/** Events written outside an index pass (the full scan's "missing"), with their live notice. */
export async function writeEvents(tx: Tx, shotId: string, events: readonly TShotEventRow[]) {
  if (events.length === 0) return;
  await tx.shotEvent.createMany({ data: events.map((e) => ({ shotId, kind: e.kind, vuid: e.vuid, summary: e.summary, data: e.data as Prisma.InputJsonValue })) });
  await publishChange(tx, { topic: 'shots', id: shotId });
}
