import { describe, expect, it } from 'vitest';
import { anvilHttpError, anvilTransportError, parseErrorBody } from './errors';
import { TransportError } from './transport';

describe('parseErrorBody', () => {
  it('reads the ErrorView array the SDK expects', () => {
    expect(parseErrorBody('[{"errorCode":"ENTITY_NOT_FOUND","message":"Share not found: x","args":["x"]}]')).toEqual({ errorCode: 'ENTITY_NOT_FOUND', message: 'Share not found: x', args: ['x'] });
  });

  it('reads {errors:[...]} and a bare {message}', () => {
    expect(parseErrorBody('{"errors":[{"errorCode":"VALIDATION_VIOLATION","message":"bad"}]}')).toMatchObject({ errorCode: 'VALIDATION_VIOLATION', message: 'bad' });
    expect(parseErrorBody('{"message":"Cannot remove a share with state REMOVED."}')).toEqual({ errorCode: null, message: 'Cannot remove a share with state REMOVED.', args: [] });
    expect(parseErrorBody('<html>Bad gateway</html>')).toBeNull();
    expect(parseErrorBody('[]')).toBeNull();
  });
});

describe('anvilHttpError', () => {
  const L = "Studio East's Anvil";

  it('keeps the Anvil message and code', () => {
    const e = anvilHttpError(L, 404, '[{"errorCode":"ENTITY_NOT_FOUND","message":"Objective not found: x"}]', 'GET /objectives/x');
    expect(e).toMatchObject({ code: 'UPSTREAM', vendorCode: 'ENTITY_NOT_FOUND', userMessage: "Studio East's Anvil: Objective not found: x" });
  });

  it('maps validation, outage, timeout and credentials', () => {
    expect(anvilHttpError(L, 400, '[{"errorCode":"VALIDATION_VIOLATION","message":"Invalid expression at line 1, column 4"}]', 'POST /objectives').code).toBe('VALIDATION');
    expect(anvilHttpError(L, 503, '[{"errorCode":"PDFS_COMMUNICATION_ERROR","message":"failover"}]', 'GET /shares').code).toBe('UNAVAILABLE');
    expect(anvilHttpError(L, 500, '[{"errorCode":"ETIMEOUT","message":"slow"}]', 'GET /shares').code).toBe('TIMEOUT');
    const auth = anvilHttpError(L, 401, '[{"errorCode":"FORBIDDEN","message":"Invalid username or password"}]', 'POST /login');
    expect(auth.code).toBe('UPSTREAM');
    expect(auth.userMessage).toContain('refused the stored credentials');
    expect(anvilHttpError(L, 502, 'proxy error', 'GET /shares')).toMatchObject({ code: 'UNAVAILABLE', vendorCode: 'HTTP_502' });
  });

  it('names network failures and timeouts', () => {
    expect(anvilTransportError(L, new TransportError('network', 'ECONNREFUSED', 'ECONNREFUSED'), 'GET /cntl/state').code).toBe('UNAVAILABLE');
    expect(anvilTransportError(L, new TransportError('timeout', 'ETIMEDOUT', 'no answer within 1 s'), 'GET /cntl/state').code).toBe('TIMEOUT');
  });
});
