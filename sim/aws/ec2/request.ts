import type { AccessKey, SimContext } from '../context';
import { SimError, invalidCombination, invalidParameterValue, notFoundIds } from '../errors';
import type { Instance } from './instance';
import type { QueryParams } from './query';
import type { RegionState } from './state';

export interface Ec2Request {
  ctx: SimContext;
  region: RegionState;
  params: QueryParams;
  key: AccessKey;
  now: number;
}

/** Returns the children of `<{Action}Response>` (requestId is added by the handler). */
export type Ec2Action = (req: Ec2Request) => Record<string, unknown>;

const INSTANCE_ID_RE = /^i-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** Resolves InstanceId.N the way EC2 does: any malformed id fails first, then any unknown id fails the call. */
export function resolveInstances(region: RegionState, ids: string[]): Instance[] {
  for (const id of ids) {
    if (!INSTANCE_ID_RE.test(id)) throw new SimError('InvalidInstanceID.Malformed', `Invalid id: "${id}"`);
  }
  const missing = ids.filter((id) => !region.instances.has(id));
  if (missing.length) throw notFoundIds('InvalidInstanceID.NotFound', 'instance', missing);
  return [...new Set(ids)].map((id) => region.instances.get(id) as Instance);
}

/** NextToken is opaque to clients; ours carries the launch sequence number of the last instance returned. */
export function encodeToken(kind: string, seq: number): string {
  return Buffer.from(`${kind}:${seq}`).toString('base64url');
}

export function decodeToken(kind: string, token: string | undefined): number {
  if (token === undefined) return 0;
  const m = new RegExp(`^${kind}:(\\d+)$`).exec(Buffer.from(token, 'base64url').toString());
  if (!m) throw new SimError('InvalidParameterValue', `The specified NextToken is not valid.`);
  return Number(m[1]);
}

/** MaxResults as DescribeInstances* check it: 5–1000, and never together with explicit ids. */
export function maxResults(req: Ec2Request, ids: string[]): number | undefined {
  const max = req.params.int('MaxResults');
  if (max === undefined) return undefined;
  if (ids.length) throw invalidCombination('The parameter instancesSet cannot be used with the parameter maxResults');
  if (max < 5 || max > 1000) {
    throw invalidParameterValue(`Value ( ${max} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.`);
  }
  return max;
}

/** Pages count instances (as AWS does), resuming after the last launch sequence number returned. */
export function paginate(all: Instance[], kind: string, max: number | undefined, token: string | undefined) {
  const after = decodeToken(kind, token);
  const rest = after ? all.filter((i) => i.seq > after) : all;
  if (max === undefined || rest.length <= max) return { page: rest, nextToken: undefined };
  const page = rest.slice(0, max);
  return { page, nextToken: encodeToken(kind, page[page.length - 1]!.seq) };
}
