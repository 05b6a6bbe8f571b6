import { invalidParameterValue } from '../errors';
import type { QueryParams } from './query';
import type { Instance } from './instance';
import { STATE_CODES, privateDnsName, publicDnsName } from './instance';
import type { RegionState } from './state';

export interface Filter {
  name: string;
  values: string[];
}

export function parseFilters(params: QueryParams): Filter[] {
  return params.structs('Filter').map((f) => {
    const name = f.get('Name');
    if (!name) throw invalidParameterValue('The filter name must not be empty');
    return { name, values: f.list('Value') };
  });
}

const hasWildcard = (v: string) => /(^|[^\\])[*?]/.test(v);

const matcherCache = new Map<string, RegExp>();

/** EC2 filter values accept `*` and `?` wildcards, with `\` escaping them. */
function wildcardRegex(pattern: string): RegExp {
  let re = matcherCache.get(pattern);
  if (!re) {
    let src = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i] as string;
      if (c === '\\' && i + 1 < pattern.length) src += (pattern[++i] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      else if (c === '*') src += '.*';
      else if (c === '?') src += '.';
      else src += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    re = new RegExp(`^${src}$`, 's');
    if (matcherCache.size > 1000) matcherCache.clear();
    matcherCache.set(pattern, re);
  }
  return re;
}

export function valueMatches(values: string[], actual: string | undefined): boolean {
  if (actual === undefined) return false;
  return values.some((v) => (hasWildcard(v) ? wildcardRegex(v).test(actual) : v === actual));
}

type Getter = (i: Instance) => string | undefined;

const INSTANCE_FIELDS: Record<string, Getter> = {
  'instance-state-name': (i) => i.state,
  'instance-state-code': (i) => String(STATE_CODES[i.state]),
  'instance-type': (i) => i.instanceType,
  'instance-id': (i) => i.instanceId,
  'image-id': (i) => i.imageId,
  'availability-zone': (i) => i.availabilityZone,
  'subnet-id': (i) => i.subnetId,
  'vpc-id': (i) => i.vpcId,
  'private-ip-address': (i) => i.privateIp,
  'ip-address': (i) => i.publicIp,
  'dns-name': (i) => publicDnsName(i) || undefined,
  'private-dns-name': (i) => privateDnsName(i) || undefined,
  'key-name': (i) => i.keyName,
  'client-token': (i) => i.clientToken,
  'reservation-id': (i) => i.reservationId,
  architecture: () => 'x86_64',
  'launch-time': (i) => new Date(i.launchTime).toISOString(),
};

function matchesFilter(inst: Instance, f: Filter): boolean {
  if (f.name.startsWith('tag:')) return valueMatches(f.values, inst.tags.get(f.name.slice(4)));
  if (f.name === 'tag-key') return [...inst.tags.keys()].some((k) => valueMatches(f.values, k));
  if (f.name === 'tag-value') return [...inst.tags.values()].some((v) => valueMatches(f.values, v));
  if (f.name === 'instance.group-id') return inst.securityGroups.some((g) => valueMatches(f.values, g.groupId));
  const getter = INSTANCE_FIELDS[f.name];
  return getter ? valueMatches(f.values, getter(inst)) : false;
}

export function validateInstanceFilters(filters: Filter[], extra: string[] = []): void {
  for (const f of filters) {
    const known =
      f.name.startsWith('tag:') || ['tag-key', 'tag-value', 'instance.group-id', ...extra].includes(f.name) || f.name in INSTANCE_FIELDS;
    if (!known) throw invalidParameterValue(`The filter '${f.name}' is invalid`);
  }
}

/**
 * Candidates come from the tag index when a filter allows it (the common case: the control plane
 * filters by its own tags), so a 1,000-instance page never scans other workloads' instances.
 */
export function filterInstances(region: RegionState, filters: Filter[]): Instance[] {
  let candidates: Iterable<Instance> = region.instances.values();
  let fromIndex = false;
  let best = Infinity;
  for (const f of filters) {
    const exact = !f.values.some(hasWildcard);
    let set: Set<Instance> | undefined;
    if (f.name.startsWith('tag:') && exact) set = region.tagged(f.name.slice(4), f.values);
    else if (f.name === 'tag-key' && exact) set = new Set(f.values.flatMap((k) => [...region.tagged(k)]));
    if (set && set.size < best) {
      best = set.size;
      candidates = set;
      fromIndex = true;
    }
  }
  const out: Instance[] = [];
  for (const inst of candidates) if (filters.every((f) => matchesFilter(inst, f))) out.push(inst);
  if (fromIndex) out.sort((a, b) => a.seq - b.seq);
  return out;
}

export function matchesAll(inst: Instance, filters: Filter[]): boolean {
  return filters.every((f) => matchesFilter(inst, f));
}
