/**
 * Server-side configuration, read once from the environment and validated. Import only from server code
 * (services, adapters, db, workers, route handlers): the values are secrets or deployment facts.
 */
import { z } from 'zod';

const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required (npm run dev sets it for the embedded database)'),
  AUTH_SECRET: z.string().min(16, 'AUTH_SECRET must be at least 16 characters').optional(),
  /** the public URL of the web app; links in outbound webhook messages are made absolute with it. */
  AUTH_URL: z.string().url().optional(),
  /** base64 of 32 random bytes: encrypts Anvil passwords and webhook secrets at rest (AES-256-GCM). */
  STUDIO_SECRET_KEY: z.string().optional(),
  /** comma-separated older keys still accepted for decryption during a key rotation. */
  STUDIO_SECRET_KEYS_OLD: z.string().optional(),
  /** set to the simulator in dev and tests; unset in production (the SDK's regional endpoints). */
  AWS_ENDPOINT_URL: z.string().url().optional(),
  AWS_ACCESS_KEY_ID: z.string().optional(),
  AWS_SECRET_ACCESS_KEY: z.string().optional(),
  AUTH_PASSWORD_SIGNIN: boolish.default(true),
  AUTH_OIDC_ISSUER: z.string().url().optional(),
  AUTH_OIDC_CLIENT_ID: z.string().optional(),
  AUTH_OIDC_CLIENT_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: z.string().default('Studio SSO'),
  /** claim that carries the IdP's groups, and how groups map to our roles: "vfx-admins=admin,producers=producer". */
  AUTH_OIDC_GROUPS_CLAIM: z.string().default('groups'),
  AUTH_OIDC_ROLE_MAP: z.string().default(''),
  RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(30),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Each workers process beats this often; one silent for WORKER_DEAD_AFTER_SECONDS is dead and its locked jobs are freed. */
  WORKER_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
  WORKER_DEAD_AFTER_SECONDS: z.coerce.number().int().min(3).max(14_400).default(120),
  /** 0: the publish watcher uses file-system events; N: it polls every N ms (an NFS mount, where other clients' writes raise no events). */
  SHOTS_WATCH_POLL_MS: z.coerce.number().int().min(0).max(600_000).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
}).refine((e) => e.WORKER_DEAD_AFTER_SECONDS >= 3 * e.WORKER_HEARTBEAT_SECONDS, {
  path: ['WORKER_DEAD_AFTER_SECONDS'],
  message: 'must be at least 3 × WORKER_HEARTBEAT_SECONDS, or a worker that is merely slow to beat is taken for dead',
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

export function env(): TEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change the environment between files; production never calls this. */
export function resetEnvCache(): void {
  cached = undefined;
}
