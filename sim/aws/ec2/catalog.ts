import { hashHex } from '../rng';

/** Commercial regions EC2 lists today; any other well-formed region name is still served. */
export const KNOWN_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-1',
  'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5',
  'ap-southeast-6', 'ap-southeast-7', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ca-central-1',
  'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-south-1',
  'eu-south-2', 'eu-north-1', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1', 'sa-east-1',
];

/** Regions launched after March 2019 are opt-in; the simulated account has opted in to all of them. */
const OPT_IN_NOT_REQUIRED = new Set([
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ca-central-1', 'eu-central-1', 'eu-west-1',
  'eu-west-2', 'eu-west-3', 'eu-north-1', 'sa-east-1',
]);

export const REGION_RE = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

export function optInStatus(region: string): string {
  return OPT_IN_NOT_REQUIRED.has(region) ? 'opt-in-not-required' : 'opted-in';
}

const COMPASS: Record<string, string> = {
  north: 'n', south: 's', east: 'e', west: 'w', central: 'c', northeast: 'ne', southeast: 'se', northwest: 'nw', southwest: 'sw',
};

/** AWS zone ids look like `usw2-az1`: geography prefix, compass letters, region number. */
function zoneIdPrefix(region: string): string {
  const parts = region.split('-');
  const num = parts[parts.length - 1];
  return parts[0] + parts.slice(1, -1).map((p) => COMPASS[p] ?? p[0]).join('') + num;
}

export interface Zone {
  zoneName: string;
  zoneId: string;
  defaultSubnetId: string;
  index: number;
}

export function zonesOf(region: string): Zone[] {
  return ['a', 'b', 'c'].map((letter, index) => ({
    zoneName: `${region}${letter}`,
    zoneId: `${zoneIdPrefix(region)}-az${index + 1}`,
    defaultSubnetId: `subnet-${hashHex(`${region}/${letter}/default-subnet`, 17)}`,
    index,
  }));
}

export function defaultVpcId(region: string): string {
  return `vpc-${hashHex(`${region}/default-vpc`, 17)}`;
}

export function defaultSecurityGroup(region: string) {
  return { groupId: `sg-${hashHex(`${region}/default-sg`, 17)}`, groupName: 'default' };
}

export interface Image {
  imageId: string;
  name: string;
  description: string;
  ownerId: string;
  isPublic: boolean;
  creationDate: string;
  tags: Array<{ key: string; value: string }>;
}

/** Rocky Linux's publisher account: its base image is public, so `Owners: ['self']` leaves it out. */
const ROCKY_OWNER = '792107900819';

const IMAGE_DEFS = [
  { name: 'Flame 2026.1 Rocky 9', product: 'flame', version: '2026.1', date: '2026-04-02T10:15:00.000Z' },
  { name: 'Flame 2025.2.2 Rocky 9', product: 'flame', version: '2025.2.2', date: '2025-11-18T09:30:00.000Z' },
  { name: 'Flare 2026.1 Rocky 9', product: 'flare', version: '2026.1', date: '2026-04-02T11:05:00.000Z' },
  { name: 'Flame Assist 2026.1 Rocky 9', product: 'flame-assist', version: '2026.1', date: '2026-04-02T11:40:00.000Z' },
];

export function imagesOf(region: string, accountId: string): Image[] {
  const studio = IMAGE_DEFS.map((d) => ({
    imageId: `ami-${hashHex(`${region}/${d.name}`, 17)}`,
    name: d.name,
    description: `Autodesk ${d.name} workstation image (DCV, NVIDIA GRID driver)`,
    ownerId: accountId,
    isPublic: false,
    creationDate: d.date,
    tags: [
      { key: 'studio:product', value: d.product },
      { key: 'studio:version', value: d.version },
    ],
  }));
  const base = {
    imageId: `ami-${hashHex(`${region}/rocky-9-base`, 17)}`,
    name: 'Rocky-9-EC2-Base-9.5-20241118.0.x86_64',
    description: 'Rocky Linux 9.5 base image',
    ownerId: ROCKY_OWNER,
    isPublic: true,
    creationDate: '2024-11-18T12:00:00.000Z',
    tags: [],
  };
  return [...studio, base];
}

const TYPE_RE = /^[a-z]+\d+[a-z0-9-]*\.(nano|micro|small|medium|large|xlarge|(\d+)xlarge|metal(-\d+xl)?)$/;

export function isValidInstanceType(type: string): boolean {
  return TYPE_RE.test(type);
}

/** vCPUs by size, close enough for the on-demand vCPU quota (real families differ at the edges). */
export function vcpusOf(type: string): number {
  const m = TYPE_RE.exec(type);
  if (!m) return 0;
  const size = m[1] as string;
  if (m[2]) return 4 * Number(m[2]);
  if (size.startsWith('metal')) return 96;
  return size === 'xlarge' ? 4 : 2;
}
