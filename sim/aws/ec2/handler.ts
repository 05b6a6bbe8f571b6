import type { AccessKey, SimContext } from '../context';
import { SimError } from '../errors';
import { describeAvailabilityZones, describeImages, describeRegions } from './actions-meta';
import { runInstances } from './actions-launch';
import { createLaunchTemplate, describeLaunchTemplates } from './actions-templates';
import { describeInstanceStatus, describeInstances } from './actions-describe';
import { startInstances, stopInstances, terminateInstances } from './actions-lifecycle';
import { createTags, deleteTags } from './actions-tags';
import { QueryParams } from './query';
import type { Ec2Action } from './request';
import { errorXml, successXml } from './xml';

const ACTIONS: Record<string, Ec2Action> = {
  DescribeRegions: describeRegions,
  DescribeAvailabilityZones: describeAvailabilityZones,
  DescribeImages: describeImages,
  CreateLaunchTemplate: createLaunchTemplate,
  DescribeLaunchTemplates: describeLaunchTemplates,
  RunInstances: runInstances,
  DescribeInstances: describeInstances,
  DescribeInstanceStatus: describeInstanceStatus,
  StartInstances: startInstances,
  StopInstances: stopInstances,
  TerminateInstances: terminateInstances,
  CreateTags: createTags,
  DeleteTags: deleteTags,
};

export const EC2_ACTIONS = Object.keys(ACTIONS);

export interface WireResponse {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

export function ec2Error(err: SimError, requestId: string): WireResponse {
  return { status: err.status, contentType: 'text/xml;charset=UTF-8', body: errorXml(err, requestId) };
}

const isReadOnly = (action: string) => /^(Describe|Get|List)/.test(action);

function guard(ctx: SimContext, key: AccessKey, action: string, regionName: string, params: QueryParams): void {
  const now = ctx.now();
  const verdict = ctx.throttler.checkRequest('ec2', regionName, action, now);
  if (verdict !== 'ok') throw new SimError('RequestLimitExceeded', 'Request limit exceeded.', 503);
  if (key.readOnly && !isReadOnly(action)) {
    throw new SimError(
      'UnauthorizedOperation',
      `You are not authorized to perform this operation. User: arn:aws:iam::${ctx.accountId}:user/${key.userName} is not authorized to perform: ec2:${action} because no identity-based policy allows the ec2:${action} action`,
      403,
    );
  }
  if (params.get('DryRun') === 'true') {
    throw new SimError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
  }
}

/** One EC2 Query request: throttle, authorize, settle the region's clock, run the action, render XML. */
export function handleEc2(ctx: SimContext, regionName: string, key: AccessKey, body: string, requestId: string): WireResponse {
  const params = QueryParams.parse(body);
  const action = params.get('Action') ?? '';
  const handler = ACTIONS[action];
  try {
    if (!action) throw new SimError('MissingAction', 'The request must contain the parameter Action');
    if (!handler) throw new SimError('InvalidAction', `The action ${action} is not valid for this web service.`);
    guard(ctx, key, action, regionName, params);
    const region = ctx.region(regionName);
    const now = ctx.now();
    region.tick(now);
    const result = handler({ ctx, region, params, key, now });
    ctx.counters.record('ec2', regionName, action);
    if (!isReadOnly(action)) ctx.onChange?.();
    return { status: 200, contentType: 'text/xml;charset=UTF-8', body: successXml(action, requestId, result) };
  } catch (e) {
    const err = e instanceof SimError ? e : new SimError('InternalError', 'An internal error has occurred', 500);
    if (!(e instanceof SimError)) console.error('aws simulator: EC2', action, e);
    ctx.counters.record('ec2', regionName, action || '(none)', err.code, err.code === 'RequestLimitExceeded');
    return ec2Error(err, requestId);
  }
}
