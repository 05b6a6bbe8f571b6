/**
 * One error type for both protocols: the EC2 side renders it as XML, the CloudWatch side as JSON.
 * `code` is the wire code AWS uses (e.g. `InvalidInstanceID.NotFound`), so SDK clients map it to
 * their typed exceptions without any translation table on our side.
 */
export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

export const invalidParameterValue = (message: string) => new SimError('InvalidParameterValue', message);

export const missingParameter = (name: string) =>
  new SimError('MissingParameter', `The request must contain the parameter ${name}`);

export const invalidCombination = (message: string) => new SimError('InvalidParameterCombination', message);

export function notFoundIds(code: string, noun: string, ids: string[]): SimError {
  const quoted = ids.join(', ');
  const message = ids.length === 1 ? `The ${noun} ID '${quoted}' does not exist` : `The ${noun} IDs '${quoted}' do not exist`;
  return new SimError(code, message);
}

/** The same auth failure, worded per service: EC2 says AuthFailure, CloudWatch has its own codes. */
export function authError(service: string, kind: 'missing' | 'unknown-key' | 'mismatch' | 'expired' | 'malformed' | 'region'): SimError {
  if (service === 'monitoring') {
    if (kind === 'missing') return new SimError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
    if (kind === 'unknown-key') return new SimError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
    if (kind === 'malformed') return new SimError('IncompleteSignature', 'The request signature does not conform to AWS standards.', 400);
    if (kind === 'expired') return new SimError('SignatureDoesNotMatch', 'Signature expired: the request time is more than 15 minutes away from the server time.', 403);
    return new SimError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.', 403);
  }
  if (kind === 'expired') return new SimError('RequestExpired', 'Request has expired.', 400);
  if (kind === 'region') return new SimError('AuthFailure', 'Credential should be scoped to a valid region.', 401);
  return new SimError('AuthFailure', 'AWS was not able to validate the provided access credentials', 401);
}
