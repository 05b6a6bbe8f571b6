/**
 * AES-256-GCM for secrets at rest (Anvil passwords, webhook secrets). A sealed value names the key that
 * sealed it, so keys can rotate: new values use the current key, old values still open with a retired key
 * until they are re-sealed.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const PREFIX = 'v1';

/** A short public fingerprint of a key (8 hex of its SHA-256): names the key without revealing it. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/** The fingerprint of the key that sealed a value, or null when the value is not a sealed secret. */
export function sealedKeyId(sealed: string): string | null {
  const parts = sealed.split(':');
  return parts.length === 5 && parts[0] === PREFIX && /^[0-9a-f]{8}$/.test(parts[1]!) ? parts[1]! : null;
}

export function decodeKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('a secret key must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  return key;
}

export function seal(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [PREFIX, keyId(key), iv.toString('base64'), cipher.getAuthTag().toString('base64'), ct.toString('base64')].join(':');
}

export function open(sealed: string, keys: Buffer[]): string {
  const [prefix, id, iv, tag, ct] = sealed.split(':');
  if (prefix !== PREFIX || !id || !iv || !tag || ct === undefined) throw new Error('not a sealed secret');
  const key = keys.find((k) => keyId(k) === id);
  if (!key) throw new Error(`no key ${id} is configured to open this secret (was STUDIO_SECRET_KEY rotated without keeping the old one in STUDIO_SECRET_KEYS_OLD?)`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8');
}

export function sealedWith(sealed: string, key: Buffer): boolean {
  return sealed.split(':')[1] === keyId(key);
}
