/**
 * HMAC-SHA256 signatures of outbound webhooks, the way receivers check them (Stripe-style): the
 * signature covers `<timestamp>.<raw body>`, so a captured request cannot be replayed later with a fresh
 * timestamp, and a receiver refuses timestamps outside its tolerance.
 *
 *   X-Studio-Timestamp: 1764064800
 *   X-Studio-Signature: sha256=<hex>
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-studio-signature';
export const TIMESTAMP_HEADER = 'x-studio-timestamp';
export const DELIVERY_HEADER = 'x-studio-delivery';
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, timestampSeconds: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`).digest('hex')}`;
}

export type TVerifyResult = { ok: true } | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

/** What a receiver runs; used by our tests as the receiver, and documented for studios on the webhooks page. */
export function verifyWebhook(
  secret: string,
  headers: { signature: string | null | undefined; timestamp: string | null | undefined },
  rawBody: string,
  nowSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): TVerifyResult {
  const ts = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(ts)) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowSeconds - ts) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signWebhook(secret, ts, rawBody));
  const given = Buffer.from(headers.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'mismatch' };
  return { ok: true };
}
