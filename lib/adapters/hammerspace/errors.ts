/**
 * Anvil failures as `AppError`s that carry the Anvil's own message. Real Anvils are not consistent
 * about the error envelope: the community SDK reads a JSON array of ErrorView, the API portal reads
 * `{errors: [...]}` or `{message}`; all are accepted. The vendor's `errorCode` is kept as `vendorCode`
 * so callers can tell ENTITY_NOT_FOUND from ENTITY_ALREADY_EXISTS without parsing messages.
 */
import { AppError } from '@/lib/errors';
import { TransportError } from './transport';

export type TAnvilErrorView = { errorCode: string | null; message: string; args: string[] };

const UNAVAILABLE_CODES = new Set(['PDFS_COMMUNICATION_ERROR', 'DME_COMMUNICATION_ERROR', 'PROHIBITED_DURING_SW_UPDATE', 'SYSTEM_READ_ONLY']);
const VALIDATION_CODES = new Set(['VALIDATION_VIOLATION', 'BAD_REQUEST', 'BAD_MODIFICATION_TIME']);

function view(v: unknown): TAnvilErrorView | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const message = typeof o.message === 'string' ? o.message : typeof o.error === 'string' ? o.error : null;
  const errorCode = typeof o.errorCode === 'string' ? o.errorCode : null;
  if (message === null && errorCode === null) return null;
  const args = Array.isArray(o.args) ? o.args.map(String) : [];
  return { errorCode, message: message ?? errorCode ?? '', args };
}

/** The first ErrorView of an error answer, whichever envelope it came in; null when it is not one. */
export function parseErrorBody(text: string): TAnvilErrorView | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (Array.isArray(body)) return view(body[0]);
  if (body && typeof body === 'object') {
    const errors = (body as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length) return view(errors[0]);
    return view(body);
  }
  return null;
}

/** An HTTP error status from `label` ("Studio East's Anvil") while doing `what` ("GET /shares"). */
export function anvilHttpError(label: string, status: number, text: string, what: string): AppError {
  const parsed = parseErrorBody(text);
  const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  const message = parsed?.message || snippet || `HTTP ${status}`;
  const vendorCode = parsed?.errorCode ?? `HTTP_${status}`;
  const opts = { vendorCode };
  if (status === 401) return new AppError('UPSTREAM', `${label} refused the stored credentials (${what}): ${message}`, opts);
  if (status === 403) return new AppError('UPSTREAM', `${label}: the stored account may not do this (${what}): ${message}`, opts);
  if (vendorCode === 'ETIMEOUT' || status === 504) return new AppError('TIMEOUT', `${label} timed out (${what}): ${message}`, opts);
  if (status === 502 || status === 503 || UNAVAILABLE_CODES.has(vendorCode)) return new AppError('UNAVAILABLE', `${label} is unavailable (${what}): ${message}`, opts);
  if (status === 400 && (parsed?.errorCode === null || VALIDATION_CODES.has(vendorCode))) return new AppError('VALIDATION', `${label}: ${message}`, opts);
  return new AppError('UPSTREAM', `${label}: ${message}`, opts);
}

export function anvilTransportError(label: string, err: unknown, what: string): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof TransportError) {
    if (err.kind === 'timeout') return new AppError('TIMEOUT', `${label} did not answer in time (${what}): ${err.message}`, { vendorCode: err.code, cause: err });
    return new AppError('UNAVAILABLE', `${label} does not answer (${what}): ${err.message}`, { vendorCode: err.code, cause: err });
  }
  return new AppError('UPSTREAM', `${label} failed (${what}): ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}

export const isNotFound = (err: unknown) => err instanceof AppError && (err.vendorCode === 'ENTITY_NOT_FOUND' || err.vendorCode === 'HTTP_404');
export const isAnvilDown = (err: unknown) => err instanceof AppError && (err.code === 'UNAVAILABLE' || err.code === 'TIMEOUT');
