import { describe, expect, it } from 'vitest';
import { dcvBrowserUrl, dcvConnectionFile, dcvFileName, dcvNativeUri, resolveDcvEndpoint } from './dcv';

const base = { observedState: 'running', dcvHost: 'ec2-54-1-2-3.us-west-2.compute.amazonaws.com', dcvPort: 8443, dcvSessionId: 'console', gatewayHost: null };

describe('DCV links', () => {
  it('builds the web URL, the native URI and the connection file for a running workstation', () => {
    const e = resolveDcvEndpoint(base)!;
    expect(dcvBrowserUrl(e)).toBe('https://ec2-54-1-2-3.us-west-2.compute.amazonaws.com:8443/#console');
    expect(dcvNativeUri(e)).toBe('dcv://ec2-54-1-2-3.us-west-2.compute.amazonaws.com:8443/#console');
    expect(dcvConnectionFile(e, { user: 'ana@studio.example', title: 'west-flame-01' })).toBe(
      '[version]\r\nformat=1.0\r\n\r\n[connect]\r\nhost=ec2-54-1-2-3.us-west-2.compute.amazonaws.com\r\nport=8443\r\nsessionid=console\r\nuser=ana@studio.example\r\n\r\n[options]\r\ntitle=west-flame-01\r\n',
    );
  });

  it('uses a named session and the site gateway when there is one', () => {
    const e = resolveDcvEndpoint({ ...base, dcvSessionId: 'flame-ana', gatewayHost: 'dcv.west.studio.example' })!;
    expect(dcvBrowserUrl(e)).toBe('https://dcv.west.studio.example:8443/#flame-ana');
  });

  it('brackets IPv6 hosts and accepts private IPv4 addresses', () => {
    expect(dcvBrowserUrl(resolveDcvEndpoint({ ...base, dcvHost: 'fd00::5' })!)).toBe('https://[fd00::5]:8443/#console');
    expect(dcvNativeUri(resolveDcvEndpoint({ ...base, dcvHost: '10.0.4.17' })!)).toBe('dcv://10.0.4.17:8443/#console');
  });

  it('gives no link until the machine runs, or when the host could inject anything', () => {
    expect(resolveDcvEndpoint({ ...base, observedState: 'stopped' })).toBeNull();
    expect(resolveDcvEndpoint({ ...base, dcvHost: null })).toBeNull();
    expect(resolveDcvEndpoint({ ...base, dcvHost: 'evil.example\r\nuser=root' })).toBeNull();
    expect(resolveDcvEndpoint({ ...base, dcvHost: 'a.example/#x' })).toBeNull();
    expect(resolveDcvEndpoint({ ...base, dcvSessionId: 'x\ny' })).toBeNull();
  });

  it('leaves out a user name that is not a plain login, and makes a safe file name', () => {
    const e = resolveDcvEndpoint(base)!;
    expect(dcvConnectionFile(e, { user: 'ana\r\nauthtoken=x' })).not.toContain('authtoken');
    expect(dcvFileName('west flame/01')).toBe('west_flame_01.dcv');
  });
});
