/**
 * Shares: create, update and delete answer 202 with a task; the change happens when the task
 * completes. A duplicate name is 400 even while the first create is still running (the CSI driver
 * relies on that).
 */
import fs from 'node:fs';
import type { Anvil } from './anvil';
import { accepted, listReply, param, type AnvilRouter, type Ctx } from './context';
import { ApiError, alreadyExists, badRequest, notFound } from './errors';
import { asRecord, bool, str } from './http';
import { getById } from './list';
import { createShare, validateShareName, type ShareFields } from './membership';
import type { ShareEntity } from './model';
import { shareView } from './shapes-share';

function purgeExpired(anvil: Anvil): void {
  const now = anvil.now();
  for (let i = anvil.shares.length - 1; i >= 0; i--) {
    const s = anvil.shares[i] as ShareEntity;
    if (s.state === 'REMOVED' && (s.scheduledPurgeTime ?? 0) <= now) anvil.shares.splice(i, 1);
  }
}

export function shareOf(ctx: Ctx, id = param(ctx, 'id')): ShareEntity {
  purgeExpired(ctx.anvil);
  return getById(ctx.anvil.shares, id, 'Share');
}

function shareObjectives(ctx: Ctx, raw: unknown): ShareFields['shareObjectives'] {
  if (!Array.isArray(raw)) return undefined;
  return raw.map((item) => {
    const o = asRecord(item);
    const ref = o.objective && typeof o.objective === 'object' ? asRecord(o.objective) : {};
    const id = str(ref.name) ?? str(ref.uoid && typeof ref.uoid === 'object' ? asRecord(ref.uoid).uuid : undefined) ?? '';
    const objective = ctx.anvil.objective(id);
    if (!objective) throw notFound('Objective', id);
    return { objective: objective.name, applicability: str(o.applicability) ?? 'TRUE' };
  });
}

function fieldsFrom(ctx: Ctx, b: Record<string, unknown>): Omit<ShareFields, 'name'> {
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  return {
    shareObjectives: shareObjectives(ctx, b.shareObjectives),
    path: str(b.path),
    comment: str(b.comment),
    extendedInfo: b.extendedInfo && typeof b.extendedInfo === 'object' ? (b.extendedInfo as Record<string, string>) : undefined,
    exportOptions: Array.isArray(b.exportOptions) ? (b.exportOptions as Record<string, unknown>[]) : undefined,
    shareSizeLimit: num(b.shareSizeLimit),
    warnUtilizationPercentThreshold: num(b.warnUtilizationPercentThreshold),
    replicationLatencyAlertThreshold: num(b.replicationLatencyAlertThreshold),
    smbBrowsable: bool(b.smbBrowsable),
  };
}

export function registerShareRoutes(r: AnvilRouter): void {
  r.get('/shares', (ctx) => {
    purgeExpired(ctx.anvil);
    return listReply(ctx, ctx.anvil.shares.map((s) => shareView(ctx.world, ctx.anvil, s)));
  });
  r.get('/shares/uuid-list', (ctx) => ({ body: ctx.anvil.shares.map((s) => s.uuid) }));
  r.get('/shares/:id', (ctx) => ({ body: shareView(ctx.world, ctx.anvil, shareOf(ctx)) }));

  r.post('/shares', (ctx) => {
    const b = asRecord(ctx.body);
    const name = validateShareName(b.name);
    if (ctx.anvil.shares.some((s) => s.name === name) || ctx.anvil.tasks.running('share-create', name)) throw alreadyExists('Share', name);
    const fields = { name, ...fieldsFrom(ctx, b) };
    if (bool(ctx.query.get('validate-only'))) return { body: {} };
    const task = ctx.anvil.tasks.create({
      name: 'share-create',
      params: { name, 'create-path': ctx.query.get('create-path') ?? 'true', 'override-mem-check': ctx.query.get('override-mem-check') ?? 'false' },
      user: ctx.user?.username,
      apply: () => {
        const share = createShare(ctx.world, ctx.anvil, fields);
        task.ctxMap['entity-uoid'] = `Uoid [uuid=${share.uuid}, objectType=SHARE]`;
      },
    });
    return accepted(ctx, task);
  });

  r.put('/shares/:id', (ctx) => {
    const share = shareOf(ctx);
    const b = asRecord(ctx.body);
    if (str(b.name) !== undefined && b.name !== share.name) throw badRequest('A share cannot be renamed', 'VALIDATION_VIOLATION', ['name']);
    // A PUT is GET-modify-PUT; objectives change through objective-set, not here.
    const f = fieldsFrom(ctx, { ...b, shareObjectives: undefined });
    if (f.path !== undefined && f.path !== share.path) throw badRequest('A share path cannot be changed', 'VALIDATION_VIOLATION', ['path']);
    if (bool(ctx.query.get('validate-only'))) return { body: shareView(ctx.world, ctx.anvil, share) };
    const task = ctx.anvil.tasks.create({
      name: 'share-update',
      params: { name: share.name },
      entity: { uuid: share.uuid, objectType: 'SHARE' },
      user: ctx.user?.username,
      apply: () => {
        for (const [k, v] of Object.entries(f)) if (v !== undefined && k !== 'path') Object.assign(share, { [k]: v });
        if (f.exportOptions) share.exportOptions = f.exportOptions.map((e, i) => ({ id: i + 1, ...e }));
        share.modified = ctx.anvil.now();
      },
    });
    return accepted(ctx, task);
  });

  r.delete('/shares/:id', (ctx) => {
    const share = shareOf(ctx);
    if (share.state === 'REMOVED') throw new ApiError(400, 'BAD_REQUEST', 'Cannot remove a share with state REMOVED.');
    if (ctx.anvil.tasks.running('share-delete', share.name)) throw new ApiError(400, 'INVALID_STATE_ERROR', `Share ${share.name} is already being removed`);
    const L = ctx.world.federation.get(share.logicalUuid);
    if (L?.isGlobal()) {
      throw new ApiError(400, 'ENTITY_IN_USE', `Share ${share.name} has participants at other sites; remove this site's participant first`, [share.name]);
    }
    const delaySecs = Number(ctx.query.get('delete-delay') ?? '0') || 0;
    const deletePath = bool(ctx.query.get('delete-path')) ?? false;
    const task = ctx.anvil.tasks.create({
      name: 'share-delete',
      params: { name: share.name, 'delete-delay': String(delaySecs), 'delete-path': String(deletePath) },
      entity: { uuid: share.uuid, objectType: 'SHARE' },
      user: ctx.user?.username,
      apply: () => {
        share.state = 'REMOVED';
        share.lifecycle = 'DELETE_SCHEDULED';
        share.scheduledPurgeTime = ctx.anvil.now() + delaySecs * 1000;
        share.modified = ctx.anvil.now();
        if (L) ctx.world.federation.shares.delete(L.uuid);
        if (deletePath) fs.rmSync(ctx.world.folders.shareDir(ctx.anvil.region, share.name), { recursive: true, force: true });
        purgeExpired(ctx.anvil);
      },
    });
    return accepted(ctx, task);
  });

  r.post('/shares/:id/undelete', (ctx) => {
    const share = shareOf(ctx);
    if (share.state !== 'REMOVED') throw new ApiError(400, 'INVALID_STATE_ERROR', `Share ${share.name} is not removed`);
    const L = ctx.world.federation.create(share.name, share.path);
    L.addMember(ctx.anvil.region, ctx.anvil.now());
    Object.assign(share, { state: 'PUBLISHED', lifecycle: 'CREATED', scheduledPurgeTime: undefined, logicalUuid: L.uuid });
    ctx.world.replication.adoptFolder(ctx.anvil, L);
    return { body: shareView(ctx.world, ctx.anvil, share) };
  });
}

export function requireShare(ctx: Ctx, id: string): ShareEntity {
  const share = shareOf(ctx, id);
  if (share.state === 'REMOVED') throw notFound('Share', id);
  return share;
}
