import { SimError, invalidParameterValue, missingParameter } from '../errors';
import type { QueryParams } from './query';
import type { LaunchTemplate, LaunchTemplateData, RegionState } from './state';
import { parseTagSpecs, tagsFor } from './actions-tags';
import { parseFilters, valueMatches } from './filters';
import type { Ec2Action, Ec2Request } from './request';
import { isoTime, itemSet, tagSet } from './xml';

const NAME_RE = /^[a-zA-Z0-9().\-/_]{3,128}$/;

export function parseTemplateData(data: QueryParams): LaunchTemplateData {
  const nic = data.structs('NetworkInterface')[0];
  const profile = data.struct('IamInstanceProfile');
  return {
    imageId: data.get('ImageId'),
    instanceType: data.get('InstanceType'),
    keyName: data.get('KeyName'),
    securityGroupIds: [...data.list('SecurityGroupId'), ...(nic?.list('SecurityGroupId') ?? [])],
    subnetId: nic?.get('SubnetId'),
    associatePublicIp: nic?.bool('AssociatePublicIpAddress'),
    availabilityZone: data.struct('Placement')?.get('AvailabilityZone'),
    iamInstanceProfile: profile ? { arn: profile.get('Arn'), name: profile.get('Name') } : undefined,
    monitoring: data.struct('Monitoring')?.bool('Enabled'),
    disableApiTermination: data.bool('DisableApiTermination'),
    ebsOptimized: data.bool('EbsOptimized'),
    tagSpecs: parseTagSpecs(data, ['instance', 'volume', 'network-interface', 'spot-instances-request']),
  };
}

function templateXml(t: LaunchTemplate) {
  return {
    launchTemplateId: t.id,
    launchTemplateName: t.name,
    createTime: isoTime(t.createTime),
    createdBy: t.createdBy,
    defaultVersionNumber: 1,
    latestVersionNumber: 1,
    tagSet: tagSet(t.tags),
  };
}

/** Resolves `LaunchTemplate.LaunchTemplateId|LaunchTemplateName` as RunInstances does. */
export function findTemplate(region: RegionState, ref: QueryParams): LaunchTemplate {
  const id = ref.get('LaunchTemplateId');
  const name = ref.get('LaunchTemplateName');
  if (!id && !name) throw missingParameter('LaunchTemplateId or LaunchTemplateName');
  const found = id ? region.templates.get(id) : [...region.templates.values()].find((t) => t.name === name);
  if (!found && id) {
    throw new SimError('InvalidLaunchTemplateId.NotFound', `The specified launch template, with template ID ${id}, does not exist.`);
  }
  if (!found) {
    throw new SimError('InvalidLaunchTemplateName.NotFoundException', `The specified launch template, with template name ${name}, does not exist.`);
  }
  const version = ref.get('Version');
  if (version && !['$Latest', '$Default', '1'].includes(version)) {
    throw new SimError('InvalidLaunchTemplateId.VersionNotFound', `Could not find launch template version ${version} for ${found.id}.`);
  }
  return found;
}

export const createLaunchTemplate: Ec2Action = ({ ctx, region, params, key, now }: Ec2Request) => {
  const name = params.required('LaunchTemplateName');
  const token = params.get('ClientToken');
  const previous = token ? [...region.templates.values()].find((t) => t.clientToken === token) : undefined;
  if (previous) {
    if (previous.name !== name) {
      throw new SimError('IdempotentParameterMismatch', 'Arguments on this idempotent request are inconsistent with arguments used in previous request(s).');
    }
    return { launchTemplate: templateXml(previous) };
  }
  if (!NAME_RE.test(name)) {
    throw new SimError('InvalidLaunchTemplateName.MalformedException', `A launch template name must be between 3 and 128 characters, and may contain letters, numbers, and the following characters: - ( ) . / _.'`);
  }
  if ([...region.templates.values()].some((t) => t.name === name)) {
    throw new SimError('InvalidLaunchTemplateName.AlreadyExistsException', `Launch template name already in use.`);
  }
  const dataParams = params.struct('LaunchTemplateData');
  if (!dataParams) throw missingParameter('LaunchTemplateData');
  const data = parseTemplateData(dataParams);
  const tags = tagsFor(parseTagSpecs(params, ['launch-template']), 'launch-template');
  const template: LaunchTemplate = {
    id: ctx.newId('lt'),
    name,
    createTime: now,
    createdBy: `arn:aws:iam::${ctx.accountId}:user/${key.userName}`,
    data,
    tags: new Map(tags),
    clientToken: token,
    versionDescription: params.get('VersionDescription'),
  };
  region.templates.set(template.id, template);
  return { launchTemplate: templateXml(template) };
};

export const describeLaunchTemplates: Ec2Action = ({ region, params }) => {
  const ids = params.list('LaunchTemplateId');
  const names = params.list('LaunchTemplateName');
  const all = [...region.templates.values()];
  for (const id of ids) {
    if (!region.templates.has(id)) {
      throw new SimError('InvalidLaunchTemplateId.NotFound', `The specified launch template, with template ID ${id}, does not exist.`);
    }
  }
  if (names.some((n) => !all.some((t) => t.name === n))) {
    throw new SimError('InvalidLaunchTemplateName.NotFoundException', 'At least one of the launch templates specified in the request does not exist.');
  }
  const maxResults = params.int('MaxResults');
  if (maxResults !== undefined && (maxResults < 1 || maxResults > 200)) {
    throw invalidParameterValue(`Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value between 1 and 200.`);
  }
  const filters = parseFilters(params);
  const matching = all.filter(
    (t) =>
      (!ids.length || ids.includes(t.id)) &&
      (!names.length || names.includes(t.name)) &&
      filters.every((f) => {
        if (f.name === 'launch-template-name') return valueMatches(f.values, t.name);
        if (f.name === 'tag-key') return [...t.tags.keys()].some((k) => valueMatches(f.values, k));
        if (f.name.startsWith('tag:')) return valueMatches(f.values, t.tags.get(f.name.slice(4)));
        throw invalidParameterValue(`The filter '${f.name}' is invalid`);
      }),
  );
  const start = params.has('NextToken') ? Number(Buffer.from(params.get('NextToken') ?? '', 'base64url').toString()) : 0;
  if (!Number.isInteger(start) || start < 0) throw invalidParameterValue('The specified NextToken is not valid.');
  const page = matching.slice(start, maxResults ? start + maxResults : undefined);
  const next = start + page.length < matching.length ? Buffer.from(String(start + page.length)).toString('base64url') : undefined;
  return { launchTemplates: itemSet(page.map(templateXml)), nextToken: next };
};
