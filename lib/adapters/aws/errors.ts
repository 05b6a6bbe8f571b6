/**
 * AWS failures as `AppError`s: a code the UI understands, a message safe to show, and the AWS error code
 * (`vendorCode`) kept for the workstation row's last error. Throttling and server faults are the only
 * failures worth retrying in the same pass; everything else waits for the next reconcile.
 */
import { AppError } from '@/lib/errors';

const THROTTLING = new Set(['RequestLimitExceeded', 'Throttling', 'ThrottlingException', 'RequestResourceCountExceeded', 'TooManyRequestsException', 'RequestThrottled']);
const CAPACITY = new Set(['InsufficientInstanceCapacity', 'InsufficientHostCapacity', 'InsufficientReservedInstanceCapacity']);
const QUOTA = new Set(['InstanceLimitExceeded', 'VcpuLimitExceeded', 'MaxSpotInstanceCountExceeded']);
const DENIED = new Set(['UnauthorizedOperation', 'AuthFailure', 'AccessDenied', 'AccessDeniedException', 'InvalidClientTokenId', 'SignatureDoesNotMatch', 'OptInRequired']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'TimeoutError', 'RequestTimeout']);

type SdkError = { name?: string; Code?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number }; $fault?: string };

export function vendorCodeOf(err: unknown): string {
  const e = (err ?? {}) as SdkError;
  // A network failure is a plain Error whose `code` (ECONNREFUSED…) is the only useful name.
  const name = e.name && e.name !== 'Error' ? e.name : undefined;
  return e.Code || name || e.code || 'Unknown';
}

export function toAwsAppError(err: unknown, what: string): AppError {
  if (err instanceof AppError) return err;
  const e = (err ?? {}) as SdkError;
  const code = vendorCodeOf(err);
  const status = e.$metadata?.httpStatusCode ?? 0;
  const awsMessage = (e.message ?? '').slice(0, 500);
  const opts = { vendorCode: code, cause: err };
  if (THROTTLING.has(code)) return new AppError('RATE_LIMITED', `AWS is throttling requests (${what}); the control plane backs off and retries.`, opts);
  if (CAPACITY.has(code)) return new AppError('UNAVAILABLE', awsMessage || `AWS has no capacity for this instance type right now (${what}).`, opts);
  if (QUOTA.has(code)) return new AppError('CONFLICT', awsMessage || `The AWS account's quota does not allow this (${what}).`, opts);
  if (DENIED.has(code)) return new AppError('UPSTREAM', `The control plane's AWS credentials may not do this (${what}): ${awsMessage}`, opts);
  if (code === 'IncorrectInstanceState' || code === 'IdempotentParameterMismatch') return new AppError('CONFLICT', awsMessage || `${what}: ${code}`, opts);
  if (code.endsWith('.NotFound')) return new AppError('NOT_FOUND', awsMessage || `${what}: not found`, opts);
  if (NETWORK.has(code) || status >= 500 || e.$fault === 'server') {
    return new AppError('UNAVAILABLE', `AWS did not answer (${what}): ${awsMessage || code}`, opts);
  }
  return new AppError('UPSTREAM', awsMessage ? `AWS refused ${what}: ${awsMessage}` : `AWS refused ${what} (${code}).`, opts);
}

/** Worth another try in this pass: throttling and server-side or network faults, not lack of capacity. */
export function isRetryable(err: AppError): boolean {
  if (err.code === 'RATE_LIMITED') return true;
  return err.code === 'UNAVAILABLE' && !CAPACITY.has(err.vendorCode ?? '');
}
