import { invalidParameterValue, SimError } from '../errors';
import { KNOWN_REGIONS, imagesOf, optInStatus, zonesOf, type Image } from './catalog';
import { parseFilters, valueMatches, type Filter } from './filters';
import type { Ec2Action } from './request';
import { itemSet, tagSet } from './xml';

type Fields<T> = Record<string, (item: T) => string | string[] | undefined>;

function keep<T>(items: T[], filters: Filter[], fields: Fields<T>, what: string): T[] {
  const getters = filters.map((f) => {
    const get = fields[f.name];
    if (!get) throw invalidParameterValue(`The filter '${f.name}' is invalid for ${what}`);
    return get;
  });
  return items.filter((item) =>
    filters.every((f, i) => {
      const v = (getters[i] as Fields<T>[string])(item);
      return Array.isArray(v) ? v.some((x) => valueMatches(f.values, x)) : valueMatches(f.values, v);
    }),
  );
}

export const describeRegions: Ec2Action = ({ params }) => {
  const names = params.list('RegionName');
  for (const n of names) if (!KNOWN_REGIONS.includes(n)) throw invalidParameterValue(`Invalid region: ${n}`);
  const regions = KNOWN_REGIONS.filter((r) => !names.length || names.includes(r)).map((r) => ({
    regionName: r,
    regionEndpoint: `ec2.${r}.amazonaws.com`,
    optInStatus: optInStatus(r),
  }));
  const filtered = keep(
    regions,
    parseFilters(params),
    { 'region-name': (r) => r.regionName, endpoint: (r) => r.regionEndpoint, 'opt-in-status': (r) => r.optInStatus },
    'regions',
  );
  return { regionInfo: itemSet(filtered) };
};

export const describeAvailabilityZones: Ec2Action = ({ params, region }) => {
  const names = params.list('ZoneName');
  const ids = params.list('ZoneId');
  const zones = zonesOf(region.name);
  for (const n of names) {
    if (!zones.some((z) => z.zoneName === n)) throw invalidParameterValue(`The zone '${n}' does not exist.`);
  }
  const items = zones
    .filter((z) => (!names.length || names.includes(z.zoneName)) && (!ids.length || ids.includes(z.zoneId)))
    .map((z) => ({
      zoneName: z.zoneName,
      zoneId: z.zoneId,
      zoneState: 'available',
      regionName: region.name,
      groupName: region.name,
      optInStatus: 'opt-in-not-required',
      messageSet: '',
      networkBorderGroup: region.name,
      zoneType: 'availability-zone',
    }));
  const filtered = keep(
    items,
    parseFilters(params),
    {
      'zone-name': (z) => z.zoneName,
      'zone-id': (z) => z.zoneId,
      state: (z) => z.zoneState,
      'region-name': (z) => z.regionName,
      'zone-type': (z) => z.zoneType,
      'group-name': (z) => z.groupName,
    },
    'availability zones',
  );
  return { availabilityZoneInfo: itemSet(filtered) };
};

const AMI_RE = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;

export function checkAmiId(id: string): void {
  if (!AMI_RE.test(id)) throw new SimError('InvalidAMIID.Malformed', `Invalid id: "${id}" (expecting "ami-...")`);
}

function imageXml(img: Image) {
  return {
    imageId: img.imageId,
    imageLocation: `${img.ownerId}/${img.name}`,
    imageState: 'available',
    imageOwnerId: img.ownerId,
    creationDate: img.creationDate,
    isPublic: img.isPublic,
    architecture: 'x86_64',
    imageType: 'machine',
    name: img.name,
    description: img.description,
    rootDeviceType: 'ebs',
    rootDeviceName: '/dev/sda1',
    blockDeviceMapping: itemSet([{ deviceName: '/dev/sda1', ebs: { volumeSize: 200, volumeType: 'gp3', deleteOnTermination: true, encrypted: false } }]),
    virtualizationType: 'hvm',
    tagSet: tagSet(img.tags.map((t) => [t.key, t.value] as [string, string])),
    hypervisor: 'xen',
    enaSupport: true,
    platformDetails: 'Linux/UNIX',
    usageOperation: 'RunInstances',
    bootMode: 'uefi-preferred',
  };
}

export const describeImages: Ec2Action = ({ params, region, ctx }) => {
  const ids = params.list('ImageId');
  ids.forEach(checkAmiId);
  const owners = params.list('Owner');
  const all = imagesOf(region.name, ctx.accountId);
  const missing = ids.filter((id) => !all.some((i) => i.imageId === id));
  if (missing.length) throw new SimError('InvalidAMIID.NotFound', `The image id '[${missing.join(', ')}]' does not exist`);
  const ownerOk = (img: Image) =>
    !owners.length || owners.some((o) => (o === 'self' ? img.ownerId === ctx.accountId : o === img.ownerId));
  const images = all.filter((img) => (!ids.length || ids.includes(img.imageId)) && ownerOk(img));
  const filters = parseFilters(params);
  const tagFilters = filters.filter((f) => f.name.startsWith('tag'));
  const byTags = images.filter((img) =>
    tagFilters.every((f) => {
      if (f.name === 'tag-key') return img.tags.some((t) => valueMatches(f.values, t.key));
      return valueMatches(f.values, img.tags.find((t) => t.key === f.name.slice(4))?.value);
    }),
  );
  const filtered = keep(
    byTags,
    filters.filter((f) => !f.name.startsWith('tag')),
    {
      name: (i) => i.name,
      'image-id': (i) => i.imageId,
      'owner-id': (i) => i.ownerId,
      state: () => 'available',
      architecture: () => 'x86_64',
      'is-public': (i) => String(i.isPublic),
      description: (i) => i.description,
    },
    'images',
  );
  return { imagesSet: itemSet(filtered.map(imageXml)) };
};
