import { describe, expect, it } from 'vitest';
import { hostPort, matchAnvilSites } from './peers';

const anvil = (name: string, mgmtAddress: string | null) => ({ name, uuid: name, type: 'REMOTE' as const, mgmtAddress });

describe('matchAnvilSites', () => {
  const ours = [
    { id: 'east', name: 'Studio East', anvilUrl: 'http://127.0.0.1:4620/mgmt/v1.2/rest' },
    { id: 'west', name: 'Studio West', anvilUrl: 'https://anvil.west.example/mgmt/v1.2/rest' },
    { id: 'ldn', name: 'London', anvilUrl: null },
  ];

  it('matches by management address first, then by name', () => {
    const m = matchAnvilSites([anvil('EAST-HS', '127.0.0.1:4620'), anvil('west cluster', 'anvil.west.example'), anvil('london', null), anvil('Sydney', '10.0.0.9:8443')], ours);
    expect([...m]).toEqual([['EAST-HS', 'east'], ['west cluster', 'west'], ['london', 'ldn']]);
  });

  it('reads host and port from URLs', () => {
    expect(hostPort('https://a.example/x')).toBe('a.example:443');
    expect(hostPort('http://A.example:8443/x')).toBe('a.example:8443');
    expect(hostPort('not a url')).toBeNull();
  });
});
