/**
 * Structured logs (JSON lines). Secrets are redacted by key wherever they appear in a logged object, so a
 * careless `log.info({ site })` cannot leak an Anvil password or an AWS key.
 */
import pino from 'pino';

export const REDACTED_KEYS = [
  'password',
  'passwordHash',
  'anvilPassword',
  'anvilPasswordEnc',
  'secretAccessKey',
  'accessKeyId',
  'sessionToken',
  'authorization',
  'cookie',
  'secret',
  'secretEnc',
  'token',
  'authToken',
];

const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  redact: { paths, censor: '[redacted]' },
  base: { service: process.env.STUDIO_SERVICE ?? 'web' },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = typeof logger;
