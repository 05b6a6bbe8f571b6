/**
 * Creating and removing shares, joining sites to each other and shares to the global namespace.
 * Task-backed routes call these when their task completes.
 */
import type { Anvil } from './anvil';
import { ApiError, alreadyExists, invalid } from './errors';
import type { LogicalShare } from './federation';
import { newUuid, type ShareEntity } from './model';
import { normalizePath } from './placement';
import { sameFile } from './site-files';
import type { World } from './world';

export interface ShareFields {
  name: string;
  path?: string;
  comment?: string;
  extendedInfo?: Record<string, string>;
  exportOptions?: Record<string, unknown>[];
  shareSizeLimit?: number;
  warnUtilizationPercentThreshold?: number;
  replicationLatencyAlertThreshold?: number;
  smbBrowsable?: boolean;
  /** Objectives applied to the share root at creation (ShareView.shareObjectives). */
  shareObjectives?: { objective: string; applicability: string }[];
}

export const DEFAULT_EXPORT = { subnet: '*', accessPermissions: 'RW', rootSquash: false };

export function validateShareName(name: unknown): string {
  if (typeof name !== 'string' || !name.trim()) throw invalid('Share name is required', ['name']);
  if (name.length > 80) throw invalid('Share name must be at most 80 characters', ['name']);
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw invalid('Share name may only contain letters, digits, dot, dash and underscore', ['name']);
  return name;
}

export function newShareEntity(anvil: Anvil, f: ShareFields, logicalUuid: string): ShareEntity {
  const t = anvil.now();
  return {
    uuid: newUuid(),
    internalId: anvil.nextId(),
    name: f.name,
    path: normalizePath(f.path ?? `/${f.name}`),
    comment: f.comment ?? '',
    extendedInfo: f.extendedInfo ?? {},
    created: t,
    modified: t,
    state: 'PUBLISHED',
    lifecycle: 'CREATED',
    exportOptions: (f.exportOptions?.length ? f.exportOptions : [DEFAULT_EXPORT]).map((e, i) => ({ id: i + 1, ...e })),
    shareSizeLimit: f.shareSizeLimit ?? 0,
    warnUtilizationPercentThreshold: f.warnUtilizationPercentThreshold ?? 90,
    replicationLatencyAlertThreshold: f.replicationLatencyAlertThreshold ?? 600,
    smbBrowsable: f.smbBrowsable ?? true,
    logicalUuid,
    applications: (f.shareObjectives ?? []).map((o) => ({ id: anvil.nextId(), path: '/', objective: o.objective, applicability: o.applicability })),
  };
}

/** A share made on one site: a namespace of its own until participants are added. */
export function createShare(world: World, anvil: Anvil, f: ShareFields): ShareEntity {
  if (anvil.shares.some((s) => s.name === f.name)) throw alreadyExists('Share', f.name);
  const L = world.federation.create(f.name, normalizePath(f.path ?? `/${f.name}`));
  L.addMember(anvil.region, anvil.now());
  const share = newShareEntity(anvil, f, L.uuid);
  anvil.shares.push(share);
  world.folders.ensureShareDir(anvil.region, f.name);
  world.replication.adoptFolder(anvil, L);
  return share;
}

/** Start-up state of a GFS share already joined at several sites: whatever the folders hold, converged. */
export function seedGlobalShare(world: World, anvils: Anvil[], name: string): LogicalShare {
  const L = world.federation.create(name, `/${name}`);
  const found = new Map<string, { size: number; mtimeMs: number; regions: string[] }>();
  for (const a of anvils) {
    L.addMember(a.region, a.now());
    a.shares.push(newShareEntity(a, { name }, L.uuid));
    world.folders.ensureShareDir(a.region, name);
    for (const f of world.folders.scan(a.region, name)) {
      const cur = found.get(f.rel);
      if (!cur || f.mtimeMs > cur.mtimeMs + 1) found.set(f.rel, { size: f.size, mtimeMs: f.mtimeMs, regions: [a.region] });
      else if (sameFile(cur, f)) cur.regions.push(a.region);
    }
  }
  for (const [rel, f] of found) {
    const origin = f.regions[0] as string;
    const v = { path: rel, seq: world.federation.nextSeq(), origin, size: f.size, mtimeMs: f.mtimeMs, deleted: false, stampMs: Date.now() };
    L.latest.set(rel, v);
    L.dataAt.set(rel, new Set(f.regions));
    for (const a of anvils) L.view(a.region).set(rel, v);
  }
  for (const a of anvils) {
    for (const f of world.folders.scan(a.region, name)) if (!L.hasData(a.region, f.rel)) void world.replication.ensureLocal(L, a.region, f.rel);
  }
  return L;
}

export function linkSites(a: Anvil, b: Anvil): void {
  a.remoteSites.add(b.region);
  b.remoteSites.add(a.region);
}

export function unlinkSites(world: World, a: Anvil, b: Anvil): void {
  const used = world.federation.sharedBetween(a.region, b.region);
  if (used.length) {
    throw new ApiError(400, 'DELETE_FORBIDDEN_ENTITY_USED_BY', `Site ${b.name} takes part in share(s) ${used.map((s) => s.name).join(', ')}`, used.map((s) => s.name));
  }
  a.remoteSites.delete(b.region);
  b.remoteSites.delete(a.region);
}

/** POST /share-participants at `home`: create the share on `site` and cross-add every participant. */
export function joinShare(world: World, home: Anvil, L: LogicalShare, site: Anvil): void {
  if (L.members.has(site.region)) throw alreadyExists('Share participant', `${L.name}@${site.name}`);
  if (site.shares.some((s) => s.name === L.name && s.state !== 'REMOVED')) {
    throw alreadyExists('Share', `${L.name} on site ${site.name}`);
  }
  for (const m of L.members.keys()) linkSites(world.anvil(m), site);
  L.addMember(site.region, home.now());
  const homeShare = home.shareByLogical(L.uuid);
  site.shares.push(newShareEntity(site, { name: L.name, path: L.path, comment: homeShare?.comment }, L.uuid));
  world.folders.ensureShareDir(site.region, L.name);
  world.replication.initialSync(L, site.region, home.region);
  world.replication.adoptFolder(site, L);
  for (const m of L.members.keys()) {
    const a = world.anvil(m);
    a.events.emit('GFS_PARTICIPANT_ADDED', 'INFO', a.source, [L.name, site.name]);
  }
  world.log.add('participant-added', { share: L.name, site: site.region, via: home.region });
}

/**
 * Removing a participant: that site's share keeps only what it holds locally and becomes a
 * namespace of its own; the other members forget it.
 */
export function leaveShare(world: World, L: LogicalShare, region: string): void {
  const site = world.anvil(region);
  const share = site.shareByLogical(L.uuid);
  if (!L.members.has(region) || !share) throw new ApiError(404, 'ENTITY_NOT_FOUND', `${site.name} is not a participant of ${L.name}`);
  world.bus.drop(L, region);
  const own = world.federation.create(L.name, L.path);
  own.addMember(region, site.now());
  for (const v of L.liveFiles(region)) {
    if (!L.hasData(region, v.path)) continue;
    own.latest.set(v.path, v);
    own.view(region).set(v.path, v);
    own.dataAt.set(v.path, new Set([region]));
  }
  L.members.delete(region);
  L.dropView(region);
  share.logicalUuid = own.uuid;
  for (const a of [site, ...[...L.members.keys()].map((m) => world.anvil(m))]) {
    a.events.emit('GFS_PARTICIPANT_REMOVED', 'INFO', a.source, [L.name, site.name]);
  }
  world.log.add('participant-removed', { share: L.name, site: region });
}
