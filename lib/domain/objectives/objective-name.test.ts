import { describe, expect, it } from 'vitest';
import { MAX_OBJECTIVE_NAME_LENGTH, ZObjectiveName, validateObjectiveName } from './objective-name';

const messageFor = (name: string): string | undefined => {
  const check = validateObjectiveName(name);
  return check.ok ? undefined : check.message;
};

describe('validateObjectiveName', () => {
  it('accepts the names seen on real Anvils', () => {
    for (const name of [
      'keep-online', 'optimize-for-capacity', 'do-not-move', 'place-on-local-volumes',
      'place-on-shared-object-volumes', 'place-on-Virus-Scanners', 'Place-on-dsx11.df.hammer.space',
      'durability-5-nines', 'availability-1-nine', 'log-xfer-1-week', 'sync-metadata', 'studio_open_clips',
    ]) {
      expect(validateObjectiveName(name), name).toEqual({ ok: true });
    }
  });

  it('accepts exactly the maximum length and refuses one more', () => {
    expect(validateObjectiveName('a'.repeat(MAX_OBJECTIVE_NAME_LENGTH))).toEqual({ ok: true });
    expect(messageFor('a'.repeat(MAX_OBJECTIVE_NAME_LENGTH + 1))).toBe('the name is 81 characters long; the limit is 80');
  });

  it('refuses an empty name and surrounding spaces', () => {
    expect(messageFor('')).toBe('the name is empty');
    expect(messageFor(null as unknown as string)).toBe('the name must be text');
    expect(messageFor(' keep-online')).toBe('the name starts or ends with a space');
    expect(messageFor('keep-online ')).toBe('the name starts or ends with a space');
  });

  it('refuses characters that break URLs or SLO quoting, naming the first one', () => {
    expect(messageFor('keep online')).toBe('the name contains a space; use letters, digits, "-", "." and "_" only');
    expect(messageFor('50%-hot')).toBe('the name contains "%"; use letters, digits, "-", "." and "_" only');
    expect(messageFor('AZ1:tier0')).toContain('"\u003a"');
    expect(messageFor("it's")).toContain(`"'"`);
    expect(messageFor('a/b')).toContain('"/"');
    expect(messageFor('caf\u00e9')).toContain('"\u00e9"');
  });

  it('refuses the zombie prefix and names not starting with a letter or digit', () => {
    expect(messageFor('__z_objective_1')).toBe('names starting with "__z_" are reserved for deleted objectives');
    expect(messageFor('_private')).toBe('the name must start with a letter or a digit');
    expect(messageFor('-dash')).toBe('the name must start with a letter or a digit');
    expect(messageFor('.dot')).toBe('the name must start with a letter or a digit');
  });

  it('refuses a UUID-shaped name, which the API would read as an id', () => {
    expect(messageFor('3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toBe('the name looks like a UUID, which the API would read as an id');
    expect(validateObjectiveName('3f2504e0-4f89-11d3-9a0c-0305e82c3301-copy')).toEqual({ ok: true });
  });
});

describe('ZObjectiveName', () => {
  it('parses valid names and reports the same message for invalid ones', () => {
    expect(ZObjectiveName.parse('keep-online')).toBe('keep-online');
    const result = ZObjectiveName.safeParse('keep online');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(messageFor('keep online'));
    expect(ZObjectiveName.safeParse(42).success).toBe(false);
  });
});
