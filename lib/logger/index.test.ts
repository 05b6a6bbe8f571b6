import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from './index';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger(stream), text: () => lines.join('') };
}

describe('logs never carry secrets', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('redacts secret-named keys at any of the first four levels, whatever their value', () => {
    vi.stubEnv('LOG_LEVEL', 'info');
    const { log, text } = capture();
    log.info({ site: { anvilPassword: 'hunter2-anvil', region: 'us-east-1' }, aws: { creds: { secretAccessKey: 'AKIA-secret-value' } }, headers: { cookie: 'authjs.session-token=abc', 'set-cookie': 'x=y' } }, 'saved');
    log.info({ a: { b: { c: { password: 'deep-password-1' } } } }, 'deep');
    expect(text()).not.toMatch(/hunter2-anvil|AKIA-secret-value|session-token=abc|x=y|deep-password-1/);
    expect(text()).toContain('us-east-1');
    expect(text()).toContain('[redacted]');
  });

  it('scrubs the values of the environment’s secrets from messages, errors and nested objects', () => {
    vi.stubEnv('LOG_LEVEL', 'info');
    vi.stubEnv('AUTH_SECRET', 'auth-secret-value-0123456789');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    vi.stubEnv('STUDIO_SECRET_KEYS_OLD', 'old-key-one-AAAAAAAA,old-key-two-BBBBBBBB');
    const { log, text } = capture();
    log.warn('retrying with wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    log.error({ err: new Error('upstream said: bad signature for auth-secret-value-0123456789') }, 'failed');
    log.info({ detail: { list: ['old-key-two-BBBBBBBB'], note: 'x' } }, 'rotating');
    const out = text();
    expect(out).not.toMatch(/wJalrXUtnFEMI|auth-secret-value-0123456789|old-key-two-BBBBBBBB/);
    expect(out).toContain('upstream said: bad signature for [redacted]');
    expect(out.split('\n').filter(Boolean)).toHaveLength(3);
  });
});
