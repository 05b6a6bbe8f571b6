/**
 * Errors as a real Anvil sends them: a JSON array of ErrorView. The array envelope follows the
 * community SDK that parses the first element; clients should also cope with `{errors: [...]}`.
 */

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'ENTITY_ALREADY_EXISTS'
  | 'ENTITY_NOT_FOUND'
  | 'FORBIDDEN'
  | 'VALIDATION_VIOLATION'
  | 'ENTITY_IN_USE'
  | 'PDFS_COMMUNICATION_ERROR'
  | 'REMOTE_MGMT_ERROR'
  | 'EULA_NOT_ACCEPTED'
  | 'PROHIBITED_DURING_SW_UPDATE'
  | 'DELETE_FORBIDDEN_ENTITY_USED_BY'
  | 'INSUFFICIENT_AUTHORIZATION'
  | 'DME_COMMUNICATION_ERROR'
  | 'INTERNAL_SERVER_ERROR'
  | 'INVALID_STATE_ERROR'
  | 'ETIMEOUT';

export interface ErrorView {
  errorCode: ErrorCode;
  message: string;
  args: string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly args: string[] = [],
  ) {
    super(message);
  }

  toBody(): ErrorView[] {
    return [{ errorCode: this.code, message: this.message, args: this.args }];
  }
}

export const badRequest = (message: string, code: ErrorCode = 'BAD_REQUEST', args: string[] = []) =>
  new ApiError(400, code, message, args);

export const notFound = (kind: string, id: string) =>
  new ApiError(404, 'ENTITY_NOT_FOUND', `${kind} not found: ${id}`, [id]);

export const alreadyExists = (kind: string, name: string) =>
  new ApiError(400, 'ENTITY_ALREADY_EXISTS', `${kind} already exists: ${name}`, [name]);

export const invalid = (message: string, args: string[] = []) =>
  new ApiError(400, 'VALIDATION_VIOLATION', message, args);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && /^[A-Z_]+$/.test(value);
}
