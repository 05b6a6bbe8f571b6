import { describe, expect, it } from 'vitest';
import { isConnectionLoss } from './connection-loss';

describe('isConnectionLoss', () => {
  it('knows a server shutdown, a refused or reset socket, and a lost connection by message or cause', () => {
    expect(isConnectionLoss(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isConnectionLoss(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(true);
    expect(isConnectionLoss(Object.assign(new Error('connection failure'), { code: '08006' }))).toBe(true);
    expect(isConnectionLoss(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isConnectionLoss(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionLoss(new Error('query failed', { cause: Object.assign(new Error('x'), { code: '57P01' }) }))).toBe(true);
  });
  it('does not excuse a wrong query, a constraint, or a plain bug', () => {
    expect(isConnectionLoss(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isConnectionLoss(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isConnectionLoss(new TypeError('x is undefined'))).toBe(false);
    expect(isConnectionLoss('57P01')).toBe(false);
    expect(isConnectionLoss(null)).toBe(false);
  });
});
