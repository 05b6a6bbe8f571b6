/** Seals and opens secrets with the keys from the environment (see lib/utils/secret-box.ts). */
import { env } from '@/lib/env';
import { decodeKey, open, seal } from '@/lib/utils/secret-box';
import { AppError } from '@/lib/errors';

/** The current key (seals) and every accepted key (opens): current first, then STUDIO_SECRET_KEYS_OLD. */
export function secretKeys(): { current: Buffer; all: Buffer[] } {
  const e = env();
  if (!e.STUDIO_SECRET_KEY) throw new AppError('UNAVAILABLE', 'STUDIO_SECRET_KEY is not configured: secrets cannot be stored.');
  const current = decodeKey(e.STUDIO_SECRET_KEY);
  const old = (e.STUDIO_SECRET_KEYS_OLD ?? '').split(',').map((s) => s.trim()).filter(Boolean).map(decodeKey);
  return { current, all: [current, ...old] };
}

export function sealSecret(plaintext: string): string {
  return seal(plaintext, secretKeys().current);
}

export function openSecret(sealed: string): string {
  return open(sealed, secretKeys().all);
}
