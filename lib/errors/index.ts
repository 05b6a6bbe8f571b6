/**
 * One error type for everything a user may be told. `userMessage` is safe to show; `cause` and
 * `detail` are for logs only. Codes map to HTTP statuses in one table.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM: 502,
  UNAVAILABLE: 503,
  TIMEOUT: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly fieldErrors?: FieldErrors;
  /** vendor error code (e.g. EC2's InsufficientInstanceCapacity), kept for the row's last error. */
  readonly vendorCode?: string;

  constructor(code: ErrorCode, userMessage: string, opts: { fieldErrors?: FieldErrors; vendorCode?: string; cause?: unknown } = {}) {
    super(userMessage, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage;
    this.fieldErrors = opts.fieldErrors;
    this.vendorCode = opts.vendorCode;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

export type ActionError = { code: ErrorCode; userMessage: string; fieldErrors?: FieldErrors };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/** Unknown failures become INTERNAL with a generic message: details go to the log, never to the browser. */
export function toActionError(err: unknown): ActionError {
  if (isAppError(err)) return { code: err.code, userMessage: err.userMessage, fieldErrors: err.fieldErrors };
  return { code: 'INTERNAL', userMessage: 'Something went wrong on our side. The error was logged; try again.' };
}

/** Turns zod issues into field errors keyed by the dotted path. */
export function fieldErrorsFrom(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
