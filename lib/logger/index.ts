/**
 * Structured logs (JSON lines). Two defences keep secrets out of them:
 * - redaction by key, wherever a secret-named key appears (up to four levels deep), so a careless
 *   `log.info({ site })` cannot leak an Anvil password or an AWS key;
 * - scrubbing by value (scrub.ts): the secrets in this process's environment are replaced wherever
 *   they appear, in messages and error texts too.
 */
import pino, { type DestinationStream, type LoggerOptions } from 'pino';
import { scrub, scrubString, secretValues } from './scrub';

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
  'set-cookie',
  'secret',
  'secretEnc',
  'clientSecret',
  'client_secret',
  'token',
  'authToken',
  'access_token',
  'refresh_token',
  'id_token',
  'csrfToken',
];

const paths = REDACTED_KEYS.flatMap((k) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `["${k}"]`;
  const at = (prefix: string) => (key.startsWith('[') ? `${prefix}${key}` : `${prefix}.${key}`);
  return [key, at('*'), at('*.*'), at('*.*.*')];
});

export function loggerOptions(): LoggerOptions {
  return {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    redact: { paths, censor: '[redacted]' },
    base: { service: process.env.STUDIO_SERVICE ?? 'web' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { log: (obj) => scrub(obj) },
    hooks: {
      logMethod(args, method) {
        const values = secretValues();
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubString(a, values) : a)) as Parameters<typeof method>);
      },
    },
  };
}

/** A logger writing somewhere else (tests capture lines); the app uses `logger`. */
export function createLogger(destination?: DestinationStream) {
  return destination ? pino(loggerOptions(), destination) : pino(loggerOptions());
}

export const logger = createLogger();

export type Logger = typeof logger;
