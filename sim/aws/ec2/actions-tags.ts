import { SimError, invalidParameterValue, missingParameter } from '../errors';
import { resolveInstances } from './request';
import { parseTags, type QueryParams } from './query';
import type { RegionState, TagSpec } from './state';
import type { Ec2Action } from './request';

export const MAX_TAGS = 50;

/** The limits EC2 enforces on user tags (the `aws:` prefix is reserved for AWS's own tags). */
export function validateTag(key: string, value: string): void {
  if (!key) throw invalidParameterValue('Tag keys must not be empty');
  if (key.length > 128) throw invalidParameterValue(`Tag key exceeds the maximum length of 128 characters`);
  if (value.length > 256) throw invalidParameterValue(`Tag value exceeds the maximum length of 256 characters`);
  if (key.toLowerCase().startsWith('aws:')) {
    throw invalidParameterValue(`Tag keys starting with 'aws:' are reserved for internal use`);
  }
}

export function checkTagCount(count: number): void {
  if (count > MAX_TAGS) throw new SimError('TagLimitExceeded', `The maximum number of tags per resource is ${MAX_TAGS}`);
}

export function parseTagSpecs(params: QueryParams, allowed: string[]): TagSpec[] {
  return params.structs('TagSpecification').map((spec) => {
    const resourceType = spec.get('ResourceType') ?? '';
    if (!allowed.includes(resourceType)) {
      throw invalidParameterValue(`'${resourceType}' is not a valid taggable resource type for this operation.`);
    }
    const tags = parseTags(spec);
    for (const [k, v] of tags) validateTag(k, v);
    checkTagCount(tags.length);
    return { resourceType, tags };
  });
}

export function tagsFor(specs: TagSpec[], resourceType: string): Array<[string, string]> {
  return specs.filter((s) => s.resourceType === resourceType).flatMap((s) => s.tags);
}

interface Taggable {
  tags: Map<string, string>;
  set(key: string, value: string): void;
  delete(key: string): void;
}

const OTHER_ID_RE = /^[a-z]+(-[a-z]+)*-[0-9a-f]{8,17}$/;

/** Instances and launch templates hold tags; other well-formed ids (volumes, groups…) are accepted and kept aside. */
function taggables(region: RegionState, ids: string[], loose: Map<string, Map<string, string>>): Taggable[] {
  const instanceIds = ids.filter((id) => id.startsWith('i-'));
  const instances = resolveInstances(region, instanceIds).map((inst) => ({
    tags: inst.tags,
    set: (k: string, v: string) => region.setTag(inst, k, v),
    delete: (k: string) => region.deleteTag(inst, k),
  }));
  const others = ids
    .filter((id) => !id.startsWith('i-'))
    .map((id) => {
      if (id.startsWith('lt-')) {
        const t = region.templates.get(id);
        if (!t) throw new SimError('InvalidLaunchTemplateId.NotFound', `The specified launch template, with template ID ${id}, does not exist.`);
        return t.tags;
      }
      if (!OTHER_ID_RE.test(id)) throw new SimError('InvalidID', `The ID '${id}' is not valid`);
      let tags = loose.get(id);
      if (!tags) loose.set(id, (tags = new Map()));
      return tags;
    })
    .map((tags) => ({ tags, set: (k: string, v: string) => void tags.set(k, v), delete: (k: string) => void tags.delete(k) }));
  return [...instances, ...others];
}

const looseTags = new WeakMap<RegionState, Map<string, Map<string, string>>>();

function looseFor(region: RegionState) {
  let m = looseTags.get(region);
  if (!m) looseTags.set(region, (m = new Map()));
  return m;
}

export const createTags: Ec2Action = ({ params, region }) => {
  const ids = params.list('ResourceId');
  if (!ids.length) throw missingParameter('ResourceId');
  const tags = parseTags(params);
  if (!tags.length) throw missingParameter('Tag');
  for (const [k, v] of tags) validateTag(k, v);
  const targets = taggables(region, ids, looseFor(region));
  for (const t of targets) {
    const keys = new Set([...t.tags.keys()].filter((k) => !k.startsWith('aws:')));
    for (const [k] of tags) keys.add(k);
    checkTagCount(keys.size);
  }
  for (const t of targets) for (const [k, v] of tags) t.set(k, v);
  return { return: true };
};

/** No Tag.N deletes every user tag; a Tag with a Value deletes only if the value matches. */
export const deleteTags: Ec2Action = ({ params, region }) => {
  const ids = params.list('ResourceId');
  if (!ids.length) throw missingParameter('ResourceId');
  const specs = params.structs('Tag').map((t) => ({ key: t.get('Key') ?? '', value: t.get('Value') }));
  for (const s of specs) {
    if (s.key.toLowerCase().startsWith('aws:')) throw invalidParameterValue(`Tag keys starting with 'aws:' are reserved for internal use`);
  }
  for (const t of taggables(region, ids, looseFor(region))) {
    const doomed = specs.length
      ? specs.filter((s) => s.value === undefined || t.tags.get(s.key) === s.value).map((s) => s.key)
      : [...t.tags.keys()].filter((k) => !k.startsWith('aws:'));
    for (const k of doomed) t.delete(k);
  }
  return { return: true };
};
