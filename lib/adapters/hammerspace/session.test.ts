import { describe, expect, it } from 'vitest';
import { segments, sessionCookie } from './session';
import { normalizeProgress, taskIdFrom } from './tasks';

describe('session helpers', () => {
  it('encodes every identifier as one path segment', () => {
    expect(segments`/shares/${'100% proj'}/objective-list`).toBe('/shares/100%25%20proj/objective-list');
    expect(segments`/objectives/validate/${'IF FNMATCH("*/a/*",PATH) THEN {}'}`).toBe('/objectives/validate/IF%20FNMATCH(%22*%2Fa%2F*%22%2CPATH)%20THEN%20%7B%7D');
    expect(segments`/nodes/${'AZ1:tier0-node01'}`).toBe('/nodes/AZ1%3Atier0-node01');
  });

  it('keeps name=value of each cookie and drops deletions', () => {
    expect(sessionCookie(['JSESSIONID=abc; Path=/mgmt; HttpOnly', 'other=1'])).toBe('JSESSIONID=abc; other=1');
    expect(sessionCookie('JSESSIONID=deleted; Max-Age=0')).toBeNull();
    expect(sessionCookie(undefined)).toBeNull();
  });

  it('finds the task in Location or in a TaskView body', () => {
    const res = (location: string | undefined, text = '') => ({ status: 202, headers: location ? { location } : {}, text });
    expect(taskIdFrom(res('https://10.0.0.9:8443/mgmt/v1.2/rest/tasks/9c1e-77/'))).toBe('9c1e-77');
    expect(taskIdFrom(res(undefined, '{"uuid":"abc"}'))).toBe('abc');
    expect(taskIdFrom(res(undefined, '{"uoid":{"uuid":"def"}}'))).toBe('def');
    expect(taskIdFrom(res(undefined, ''))).toBeNull();
  });

  it('reads progress as a fraction from either era', () => {
    expect(normalizeProgress(50)).toBe(0.5);
    expect(normalizeProgress(0.5)).toBe(0.5);
    expect(normalizeProgress(undefined)).toBeNull();
  });
});
