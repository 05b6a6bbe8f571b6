import { SimError, invalidParameterValue, missingParameter } from '../errors';
import { hashHex, hashUnit } from '../rng';
import { checkAmiId } from './actions-meta';
import { findTemplate } from './actions-templates';
import { defaultSecurityGroup, defaultVpcId, imagesOf, isValidInstanceType, vcpusOf, zonesOf } from './catalog';
import { instancesSetXml } from './instance-xml';
import { placeInstances } from './placement';
import { checkTagCount, parseTagSpecs, tagsFor } from './actions-tags';
import type { LaunchTemplate } from './state';
import type { Ec2Action, Ec2Request } from './request';

const SG_RE = /^sg-([0-9a-f]{8}|[0-9a-f]{17})$/;
const SUBNET_RE = /^subnet-([0-9a-f]{8}|[0-9a-f]{17})$/;

function counts(req: Ec2Request): { min: number; max: number } {
  const min = req.params.int('MinCount');
  const max = req.params.int('MaxCount');
  if (min === undefined) throw missingParameter('MinCount');
  if (max === undefined) throw missingParameter('MaxCount');
  if (min < 1) throw invalidParameterValue(`Value (${min}) for parameter minCount is invalid. Expected a positive integer.`);
  if (max < min) throw invalidParameterValue(`Value (${max}) for parameter maxCount is invalid. Must be greater than or equal to minCount.`);
  return { min, max };
}

function securityGroups(req: Ec2Request, template?: LaunchTemplate) {
  const nic = req.params.structs('NetworkInterface')[0];
  const ids = [...req.params.list('SecurityGroupId'), ...(nic?.list('SecurityGroupId') ?? [])];
  const names = req.params.list('SecurityGroup');
  const all = ids.length || names.length ? ids : (template?.data.securityGroupIds ?? []);
  const fallback = defaultSecurityGroup(req.region.name);
  const groups = all.map((groupId) => {
    if (!SG_RE.test(groupId)) throw new SimError('InvalidGroupId.Malformed', `Invalid id: "${groupId}" (expecting "sg-...")`);
    return { groupId, groupName: groupId === fallback.groupId ? 'default' : `group-${groupId.slice(3, 11)}` };
  });
  for (const name of names) groups.push(name === 'default' ? fallback : { groupId: `sg-${name}`, groupName: name });
  return groups.length ? groups : [fallback];
}

/** Subnet and zone: explicit subnet, else the template's, else the default subnet of the chosen zone. */
function network(req: Ec2Request, template?: LaunchTemplate) {
  const { params, region, ctx } = req;
  const nic = params.structs('NetworkInterface')[0];
  const subnetId = params.get('SubnetId') ?? nic?.get('SubnetId') ?? template?.data.subnetId;
  const zones = zonesOf(region.name);
  const wantedZone = params.struct('Placement')?.get('AvailabilityZone') ?? template?.data.availabilityZone;
  if (wantedZone && !zones.some((z) => z.zoneName === wantedZone)) {
    throw invalidParameterValue(`Invalid availability zone: [${wantedZone}]`);
  }
  const associate = nic?.bool('AssociatePublicIpAddress') ?? template?.data.associatePublicIp ?? true;
  if (subnetId) {
    if (!SUBNET_RE.test(subnetId)) throw new SimError('InvalidSubnetID.NotFound', `The subnet ID '${subnetId}' does not exist`);
    const own = zones.find((z) => z.defaultSubnetId === subnetId);
    const zone = own ?? zones[Math.floor(hashUnit(subnetId) * zones.length)]!;
    const vpcId = own ? defaultVpcId(region.name) : `vpc-${hashHex(`${subnetId}/vpc`, 17)}`;
    return { subnetId, zone, vpcId, isDefault: !!own, associate };
  }
  const zone = zones.find((z) => z.zoneName === wantedZone) ?? zones[ctx.rng.int(0, zones.length - 1)]!;
  return { subnetId: zone.defaultSubnetId, zone, vpcId: defaultVpcId(region.name), isDefault: true, associate };
}

/** Capacity faults injected per region and type (optionally zone); a counted fault recovers by itself. */
function checkCapacity(req: Ec2Request, instanceType: string, zoneName: string): void {
  const i = req.ctx.capacity.findIndex(
    (f) => f.region === req.region.name && f.instanceType === instanceType && (!f.availabilityZone || f.availabilityZone === zoneName),
  );
  const fault = req.ctx.capacity[i];
  if (!fault) return;
  if (fault.remaining !== undefined && --fault.remaining <= 0) req.ctx.capacity.splice(i, 1);
  const others = zonesOf(req.region.name).map((z) => z.zoneName).filter((z) => z !== zoneName);
  throw new SimError(
    'InsufficientInstanceCapacity',
    `We currently do not have sufficient ${instanceType} capacity in the Availability Zone you requested (${zoneName}). Our system will be working on provisioning additional capacity. You can currently get ${instanceType} capacity by not specifying an Availability Zone in your request or choosing ${others.join(', ')}.`,
    500,
  );
}

/** How many of [min, max] fit under the region's vCPU quota (AWS launches as many as it can, at least min). */
function allowedCount(req: Ec2Request, instanceType: string, min: number, max: number): number {
  const limit = req.ctx.vcpuLimits.get(req.region.name);
  if (limit === undefined) return max;
  const per = vcpusOf(instanceType);
  let used = 0;
  for (const inst of req.region.instances.values()) {
    if (inst.state === 'pending' || inst.state === 'running') used += vcpusOf(inst.instanceType);
  }
  const fit = Math.min(max, Math.floor((limit - used) / per));
  if (fit < min) {
    throw new SimError(
      'VcpuLimitExceeded',
      `You have requested more vCPU capacity than your current vCPU limit of ${limit} allows for the instance bucket that the specified instance type belongs to. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.`,
    );
  }
  return fit;
}

export const runInstances: Ec2Action = (req) => {
  const { params, region, ctx, now } = req;
  const token = params.get('ClientToken') ?? '';
  if (token.length > 64) throw invalidParameterValue('Value for parameter clientToken is too long (maximum 64 characters).');
  const fingerprint = params.fingerprint();
  const previous = token ? region.tokens.get(token) : undefined;
  if (previous) {
    if (previous.fingerprint !== fingerprint) {
      throw new SimError('IdempotentParameterMismatch', 'Arguments on this idempotent request are inconsistent with arguments used in previous request(s).');
    }
    return { reservationId: previous.reservationId, ownerId: ctx.accountId, groupSet: '', instancesSet: instancesSetXml(previous.instances, ctx.accountId) };
  }
  const { min, max } = counts(req);
  const ref = params.struct('LaunchTemplate');
  const template = ref ? findTemplate(region, ref) : undefined;
  const imageId = params.get('ImageId') ?? template?.data.imageId;
  if (!imageId) throw missingParameter('ImageId');
  checkAmiId(imageId);
  if (!imagesOf(region.name, ctx.accountId).some((i) => i.imageId === imageId)) {
    throw new SimError('InvalidAMIID.NotFound', `The image id '[${imageId}]' does not exist`);
  }
  const instanceType = params.get('InstanceType') ?? template?.data.instanceType ?? 'm1.small';
  if (!isValidInstanceType(instanceType)) {
    throw invalidParameterValue(`The following supplied instance types do not exist: [${instanceType}]`);
  }
  const tags = [...tagsFor(template?.data.tagSpecs ?? [], 'instance')];
  for (const [k, v] of tagsFor(parseTagSpecs(params, ['instance', 'volume', 'network-interface', 'spot-instances-request']), 'instance')) {
    const at = tags.findIndex(([tk]) => tk === k);
    if (at >= 0) tags.splice(at, 1);
    tags.push([k, v]);
  }
  checkTagCount(tags.length);
  if (template) tags.push(['aws:ec2launchtemplate:id', template.id], ['aws:ec2launchtemplate:version', '1']);
  const net = network(req, template);
  const groups = securityGroups(req, template);
  checkCapacity(req, instanceType, net.zone.zoneName);
  const count = allowedCount(req, instanceType, min, max);
  if (!ctx.throttler.takeResources(region.name, 'RunInstances', count, now)) {
    throw new SimError('RequestResourceCountExceeded', 'Request resource count exceeded.', 503);
  }
  const instances = placeInstances(req, { count, token, imageId, instanceType, tags, net, groups, template });
  if (token) region.tokens.set(token, { fingerprint, reservationId: instances[0]!.reservationId, instances });
  return { reservationId: instances[0]!.reservationId, ownerId: ctx.accountId, groupSet: '', instancesSet: instancesSetXml(instances, ctx.accountId) };
};
