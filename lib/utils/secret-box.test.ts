import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal, sealedWith } from './secret-box';

describe('secret box', () => {
  const current = randomBytes(32);
  const retired = randomBytes(32);

  it('round-trips and never stores the plaintext', () => {
    const sealed = seal('anvil-password-123', current);
    expect(sealed).not.toContain('anvil-password-123');
    expect(open(sealed, [current])).toBe('anvil-password-123');
  });

  it('opens values sealed with a retired key during rotation, and says which key is missing otherwise', () => {
    const old = seal('s3cret', retired);
    expect(open(old, [current, retired])).toBe('s3cret');
    expect(sealedWith(old, current)).toBe(false);
    expect(() => open(old, [current])).toThrow(/STUDIO_SECRET_KEYS_OLD/);
  });

  it('refuses a tampered value', () => {
    const sealed = seal('s3cret', current).split(':');
    sealed[4] = Buffer.from('tampered!').toString('base64');
    expect(() => open(sealed.join(':'), [current])).toThrow();
  });
});
