import type { AccessKey, SimContext } from '../context';
import { SimError } from '../errors';
import type { WireResponse } from '../ec2/handler';
import { getMetricData, getMetricStatistics, listMetrics, putMetricData, type CloudWatchAction } from './actions';

export const TARGET_PREFIX = 'GraniteServiceVersion20100801.';

const ACTIONS: Record<string, CloudWatchAction> = {
  PutMetricData: putMetricData,
  GetMetricData: getMetricData,
  GetMetricStatistics: getMetricStatistics,
  ListMetrics: listMetrics,
};

export const CLOUDWATCH_ACTIONS = Object.keys(ACTIONS);

/**
 * Query-compatible JSON errors: `__type` names the modeled shape (so the SDK builds its typed
 * exception) and `x-amzn-query-error` carries the old awsQuery code (what `err.Code` reports).
 */
const SHAPES: Record<string, string> = {
  InvalidParameterValue: 'InvalidParameterValueException',
  MissingParameter: 'MissingRequiredParameterException',
  InvalidParameterCombination: 'InvalidParameterCombinationException',
  InvalidNextToken: 'InvalidNextToken',
  LimitExceeded: 'LimitExceededException',
  InternalServiceError: 'InternalServiceFault',
};

export function cloudWatchError(err: SimError): WireResponse {
  const shape = SHAPES[err.code] ?? err.code;
  return {
    status: err.status,
    contentType: 'application/x-amz-json-1.0',
    body: JSON.stringify({ __type: `com.amazonaws.cloudwatch#${shape}`, message: err.message }),
    headers: { 'x-amzn-query-error': `${err.code};${err.status >= 500 ? 'Receiver' : 'Sender'}` },
  };
}

const isReadOnly = (action: string) => /^(Get|List|Describe)/.test(action);

export function handleCloudWatch(
  ctx: SimContext,
  region: string,
  key: AccessKey,
  target: string | undefined,
  body: string,
): WireResponse {
  const action = target?.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
  try {
    const handler = ACTIONS[action];
    if (!handler) throw new SimError('InvalidAction', `Operation ${action || target || '(none)'} is not supported.`);
    if (ctx.throttler.checkRequest('monitoring', region, action, ctx.now()) !== 'ok') {
      throw new SimError('Throttling', 'Rate exceeded');
    }
    if (key.readOnly && !isReadOnly(action)) {
      throw new SimError(
        'AccessDenied',
        `User: arn:aws:iam::${ctx.accountId}:user/${key.userName} is not authorized to perform: cloudwatch:${action} because no identity-based policy allows the cloudwatch:${action} action`,
        403,
      );
    }
    let input: Record<string, unknown>;
    try {
      input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    } catch {
      throw new SimError('SerializationException', 'The request body is not valid JSON.');
    }
    const output = handler(ctx, region, input);
    ctx.counters.record('monitoring', region, action);
    return { status: 200, contentType: 'application/x-amz-json-1.0', body: JSON.stringify(output) };
  } catch (e) {
    const err = e instanceof SimError ? e : new SimError('InternalServiceError', 'Internal service error.', 500);
    if (!(e instanceof SimError)) console.error('aws simulator: CloudWatch', action, e);
    ctx.counters.record('monitoring', region, action || '(none)', err.code, err.code === 'Throttling');
    return cloudWatchError(err);
  }
}
