/** Wire shapes for cluster-level views: PdClusterView, SiteView, NodeView, volumes. */
import type { Anvil } from './anvil';
import { stableUuid, uoid } from './model';
import type { World } from './world';

export const SW_VERSION = { version: '5.3.0', fullVersion: '5.3.0-180 (simulated)' };
export const SHARED_BUCKET = 'studio-gfs-bucket';
const TB = 1024 ** 4;

export function base(uuid: string, objectType: string, created: number, modified = created) {
  return { uoid: uoid(uuid, objectType), created, modified, extendedInfo: {} as Record<string, string>, comment: '', unclearedEvents: [] as unknown[], errors: [] as unknown[] };
}

/** Bytes this site holds, from the namespace rather than a walk of its folders. */
function usedBytes(world: World, a: Anvil): number {
  let used = 0;
  for (const L of world.federation.shares.values()) {
    if (!L.members.has(a.region)) continue;
    for (const f of L.liveFiles(a.region)) if (L.hasData(a.region, f.path)) used += f.size;
  }
  return used;
}

export function clusterView(world: World, a: Anvil) {
  const used = usedBytes(world, a);
  return {
    ...base(a.clusterUuid, 'CLUSTER', a.createdAt),
    name: a.name,
    state: 'HA',
    since: a.createdAt,
    mgmtIps: [{ address: world.host, prefixLength: 32 }],
    dataIps: [{ address: world.host, prefixLength: 32 }],
    clusterFloatingIps: [{ address: world.host, prefixLength: 32 }],
    portalFloatingIps: [{ address: world.host, prefixLength: 32 }],
    capacity: { total: 100 * TB, used, free: 100 * TB - used },
    nasCapacity: { total: 100 * TB, used, free: 100 * TB - used },
    shareCapacity: { total: 100 * TB, used, free: 100 * TB - used },
    gfsParticipantMaxSuspectedSec: world.config.participantMaxSuspectedSec,
    prometheusEnabled: true,
    currentTimeMs: a.now(),
    timezone: 'UTC',
    eulaAcceptedDate: a.createdAt,
    licenseActivations: [],
  };
}

function participantsBetween(world: World, viewer: Anvil, target: Anvil, render: (L: string) => unknown[]) {
  return world.federation.sharedBetween(viewer.region, target.region).flatMap((L) => render(L.uuid));
}

export function siteView(world: World, viewer: Anvil, target: Anvil, participants?: (logicalUuid: string) => unknown[]) {
  const local = viewer === target;
  return {
    ...base(target.siteUuid, 'SITE', target.createdAt),
    comment: local ? target.comment : '',
    name: target.name,
    type: local ? 'LOCAL' : 'REMOTE',
    internalId: [...world.anvils.keys()].indexOf(target.region) + 1,
    siteMgmtAddress: target.mgmtAddress,
    siteDataAddress: world.host,
    mgmtAddress: target.mgmtAddress,
    dataAddress: world.host,
    overrideMgmtAddress: null,
    overrideDataAddress: null,
    clientCert: '',
    trustClientCert: true,
    physicalLocation: target.physicalLocation,
    swVersion: SW_VERSION,
    objectStorageVolumes: [{ uoid: uoid(stableUuid(`osv:${target.region}`), 'OBJECT_STORAGE_VOLUME'), name: SHARED_BUCKET }],
    shareParticipants: participants ? participantsBetween(world, viewer, target, participants) : [],
  };
}

function platform(world: World) {
  return [{ _type: 'NETWORK_IF', name: 'eth0', roles: ['DATA', 'MGMT', 'PORTAL', 'HA'], ipAddresses: [{ address: world.host, prefixLength: 32 }], operState: 'UP' }];
}

export function nodeViews(world: World, a: Anvil) {
  const node = (name: string, nodeType: string, productNodeType: string, systemServices: unknown[], i: number) => ({
    _type: 'NODE',
    ...base(stableUuid(`node:${a.region}:${name}`), 'NODE', a.createdAt),
    name,
    internalId: i,
    nodeType,
    productNodeType,
    operState: a.up ? 'UP' : 'DOWN',
    adminState: 'UP',
    swVersion: nodeType === 'HAMMERSPACE' ? SW_VERSION : undefined,
    mgmtIpAddress: { address: nodeType === 'HAMMERSPACE' ? world.host : '' },
    platformServices: nodeType === 'HAMMERSPACE' ? platform(world) : [],
    systemServices,
  });
  const portals = ['NFS_V3', 'NFS_V4_1', 'SMB'].map((t) => ({ _type: 'DATA_PORTAL', dataPortalType: t, operState: 'UP', adminState: 'UP' }));
  return [
    node(`${a.region}-anvil1`, 'HAMMERSPACE', 'ANVIL', [{ _type: 'DATA_SPHERE', dataDirectorRole: 'PRIMARY', operState: 'UP' }, ...portals], 1),
    node(`${a.region}-anvil2`, 'HAMMERSPACE', 'ANVIL', [{ _type: 'DATA_SPHERE', dataDirectorRole: 'SECONDARY', operState: 'UP' }], 2),
    node(`${a.region}-dsx1`, 'HAMMERSPACE', 'DSX', [{ _type: 'DATA_MOVER', operState: 'UP' }, { _type: 'CLOUD_MOVER', operState: 'UP' }], 3),
    node('AWS_S3', 'AMAZON_S3', 'OTHER', [], 4),
  ];
}

export function storageVolumeView(world: World, a: Anvil) {
  const used = usedBytes(world, a);
  const name = `${a.region}-dsx1-vol1`;
  return {
    _type: 'STORAGE_VOLUME',
    ...base(stableUuid(`sv:${a.region}`), 'STORAGE_VOLUME', a.createdAt),
    name,
    internalId: 1,
    node: { _type: 'NODE', name: `${a.region}-dsx1` },
    logicalVolume: { _type: 'LOGICAL_VOLUME', name: '/hsvol0' },
    accessType: 'READ_WRITE',
    operState: 'UP',
    adminState: 'UP',
    storageVolumeState: 'OK',
    volumeGroups: ['local-volumes'],
    totalCapacity: 50 * TB,
    effectiveTotalCapacity: 50 * TB,
    used,
    available: 50 * TB - used,
  };
}

export function objectVolumeView(world: World, a: Anvil) {
  const siteNames = [...world.anvils.values()].map((s) => s.name);
  return {
    _type: 'OBJECT_STORAGE_VOLUME',
    ...base(stableUuid(`osv:${a.region}`), 'OBJECT_STORAGE_VOLUME', a.createdAt),
    name: SHARED_BUCKET,
    internalId: 2,
    node: { _type: 'NODE', name: 'AWS_S3' },
    objectStoreLogicalVolume: { _type: 'OBJECT_STORE_LOGICAL_VOLUME', name: SHARED_BUCKET, shared: true, discoveryInfo: { inUse: true, shared: true } },
    operState: 'UP',
    adminState: 'UP',
    storageVolumeState: 'OK',
    shared: true,
    sites: [...world.anvils.values()].map((s) => ({ uoid: uoid(s.siteUuid, 'SITE'), name: s.name, type: s === a ? 'LOCAL' : 'REMOTE' })),
    gcEnabled: true,
    gcInfo: { status: 'IDLE', percentDone: 100, sites: siteNames },
    totalCapacity: 1024 * TB,
    effectiveTotalCapacity: 1024 * TB,
    logicalUsed: 0,
    compressionType: 'NONE',
    chunkingType: 'FIXED',
    storageClass: 'STANDARD',
    osvNamingType: 'UUID',
    region: a.region,
    suspectedSince: null,
    maxSuspectedSeconds: 300,
  };
}

export function volumeGroupView(a: Anvil) {
  return {
    ...base(stableUuid(`vg:${a.region}:local-volumes`), 'VOLUME_GROUP', a.createdAt),
    name: 'local-volumes',
    internalId: 1,
    expressions: [{ operator: 'IN', locations: [{ _type: 'VOLUME_LOCATION', storageVolume: { _type: 'STORAGE_VOLUME', name: `${a.region}-dsx1-vol1` } }] }],
  };
}
