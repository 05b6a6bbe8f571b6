import { createHash, randomUUID } from 'node:crypto';

/** Entities an Anvil keeps, in the simulator's own (not wire) form (shapes*.ts render the views), and their ids. */

export interface SiteSpec {
  /** AWS region the site runs in, e.g. us-east-1; also the simulator's key for the site. */
  region: string;
  /** The Hammerspace site (and cluster) name, e.g. "Studio East". */
  name: string;
  /** The site that owns the timeline; informative only. */
  home?: boolean;
  /** Part of the global namespace from the start: knows the other joined sites and holds `shares`. */
  joined?: boolean;
  /** GFS shares present at start on every joined site (default ['projects']). */
  shares?: string[];
  username?: string;
  password?: string;
  viewerUsername?: string;
  viewerPassword?: string;
}

export type Role = 'admin' | 'viewer';

export interface UserAccount {
  username: string;
  password: string;
  role: Role;
}

export interface Application {
  id: number;
  /** Share-relative path starting with '/'. */
  path: string;
  objective: string;
  applicability: string;
}

export type ShareState = 'PUBLISHED' | 'REMOVING' | 'REMOVED';

export interface ShareEntity {
  uuid: string;
  internalId: number;
  name: string;
  path: string;
  comment: string;
  extendedInfo: Record<string, string>;
  created: number;
  modified: number;
  state: ShareState;
  lifecycle: 'CREATED' | 'DELETING' | 'DELETE_SCHEDULED';
  scheduledPurgeTime?: number;
  exportOptions: Record<string, unknown>[];
  shareSizeLimit: number;
  warnUtilizationPercentThreshold: number;
  replicationLatencyAlertThreshold: number;
  smbBrowsable: boolean;
  logicalUuid: string;
  applications: Application[];
}

export interface ObjectiveEntity {
  uuid: string;
  internalId: number;
  name: string;
  comment: string;
  basic: boolean;
  expression?: string;
  appliedObjectives: { objective: string; applicability: string }[];
  extendedInfo: Record<string, string>;
  created: number;
  modified: number;
  system: boolean;
  /** Fields kept as sent (priority, placementObjective, protection, performance). */
  extra: Record<string, unknown>;
}

export interface SourceRef {
  uuid: string;
  objectType: string;
  name: string;
}

export interface EventEntity {
  uuid: string;
  sequence: number;
  type: string;
  severity: 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL';
  source: SourceRef;
  params: string[];
  created: number;
  cleared: boolean;
  clearTime?: number;
  clearReason?: 'USER' | 'CONDITION';
  count: number;
}

export interface CallRecord {
  at: number;
  method: string;
  path: string;
  route: string;
  status: number;
  user?: string;
}

/** Stable UUIDs for things that exist from the start (sites, nodes, volumes), so restarts agree. */
export function stableUuid(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const newUuid = (): string => randomUUID();

export const uoid = (uuid: string, objectType: string) => ({ uuid, objectType });

/** The string form clients regex the uuid out of (TaskView.ctxMap['entity-uoid']). */
export const uoidString = (uuid: string, objectType: string) => `Uoid [uuid=${uuid}, objectType=${objectType}]`;
