/**
 * The second line of defence after redaction by key: the secret VALUES this process holds (from its
 * environment) are replaced wherever they appear in a log line, inside messages, error texts and
 * nested objects alike (an upstream error that echoes a URL with a key in it, a config dumped whole).
 */
export const SECRET_ENV_VARS = ['AUTH_SECRET', 'STUDIO_SECRET_KEY', 'STUDIO_SECRET_KEYS_OLD', 'AUTH_OIDC_CLIENT_SECRET', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'DATABASE_URL'];
const MIN_LENGTH = 8; // shorter values would blank out ordinary words
const MAX_DEPTH = 6;

let cache: { source: string; values: string[] } | undefined;

/** Every secret value in the environment (comma-separated lists split), longest first. */
export function secretValues(env: NodeJS.ProcessEnv = process.env): string[] {
  const source = SECRET_ENV_VARS.map((k) => env[k] ?? '').join('\n');
  if (cache?.source === source) return cache.values;
  const values = SECRET_ENV_VARS.flatMap((k) => (env[k] ?? '').split(','))
    .map((v) => v.trim())
    .filter((v) => v.length >= MIN_LENGTH)
    .sort((a, b) => b.length - a.length);
  cache = { source, values };
  return values;
}

export function scrubString(text: string, values: string[]): string {
  let out = text;
  for (const v of values) if (out.includes(v)) out = out.split(v).join('[redacted]');
  return out;
}

/** A copy of `value` with every secret value replaced; errors become plain objects keeping message and stack. */
export function scrub<T>(value: T, values: string[] = secretValues(), depth = 0): T {
  if (values.length === 0 || depth > MAX_DEPTH) return value;
  if (typeof value === 'string') return scrubString(value, values) as T;
  if (!value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, values, depth + 1)) as T;
  const source = value instanceof Error ? { ...value, type: value.name, message: value.message, stack: value.stack } : value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(source)) out[k] = scrub(v, values, depth + 1);
  return out as T;
}
