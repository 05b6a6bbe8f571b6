/**
 * Whether an error means the database connection went away (a restart, a failover, a network cut), as
 * opposed to a query that is wrong. Such errors are survivable: pools reconnect and the next pass repeats
 * the work. PostgreSQL classes 08 (connection exception) and 57P (operator intervention: shutdown,
 * crash, cannot connect now), and the socket errors Node reports.
 */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTCONN']);
const LOST_MESSAGES = [/connection terminated/i, /Client has encountered a connection error/i, /server closed the connection unexpectedly/i];

export function isConnectionLoss(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('08') || code.startsWith('57P') || SOCKET_CODES.has(code))) return true;
  const message = (err as { message?: unknown }).message;
  if (typeof message === 'string' && LOST_MESSAGES.some((re) => re.test(message))) return true;
  return isConnectionLoss((err as { cause?: unknown }).cause);
}
