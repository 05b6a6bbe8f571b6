import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './webhook-signature';

const body = '{"text":"sh010 assigned to you"}';

describe('webhook signatures', () => {
  it('are HMAC-SHA256 over "<timestamp>.<body>" in hex', () => {
    const hex = createHmac('sha256', 'whsec').update(`1700000000.${body}`).digest('hex');
    expect(signWebhook('whsec', 1700000000, body)).toBe(`sha256=${hex}`);
  });

  it('verify with the right secret, body and a fresh timestamp only', () => {
    const signature = signWebhook('whsec', 1700000000, body);
    expect(verifyWebhook('whsec', { signature, timestamp: '1700000000' }, body, 1700000100)).toEqual({ ok: true });
    expect(verifyWebhook('other', { signature, timestamp: '1700000000' }, body, 1700000100)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhook('whsec', { signature, timestamp: '1700000000' }, `${body} `, 1700000100)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhook('whsec', { signature, timestamp: '1700000001' }, body, 1700000100)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhook('whsec', { signature, timestamp: '1700000000' }, body, 1700000301)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhook('whsec', { signature: null, timestamp: '1700000000' }, body, 1700000000)).toEqual({ ok: false, reason: 'malformed' });
  });
});
