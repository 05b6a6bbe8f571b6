import { SimError, invalidParameterValue, missingParameter } from '../errors';
import type { Dimension } from './store';

export type Json = Record<string, unknown>;

export function field<T = unknown>(input: Json, name: string): T | undefined {
  return input[name] as T | undefined;
}

export function requiredString(input: Json, name: string): string {
  const v = input[name];
  if (v === undefined || v === null || v === '') throw missingParameter(name);
  if (typeof v !== 'string') throw invalidParameterValue(`The value for parameter ${name} must be a string.`);
  return v;
}

/** The SDK sends epoch seconds (fractional allowed); ISO strings are accepted too, as AWS does. */
export function timestamp(input: Json, name: string, required = true): number | undefined {
  const v = input[name];
  if (v === undefined || v === null) {
    if (required) throw missingParameter(name);
    return undefined;
  }
  const ms = typeof v === 'number' ? v * 1000 : Date.parse(String(v));
  if (!Number.isFinite(ms)) throw invalidParameterValue(`The value ${String(v)} for parameter ${name} is invalid.`);
  return ms;
}

export function dimensions(value: unknown, where: string): Dimension[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalidParameterValue(`The value for parameter ${where} must be a list.`);
  if (value.length > 30) throw invalidParameterValue(`The collection ${where} must not have a size greater than 30.`);
  return value.map((d: Json, i) => {
    if (typeof d?.Name !== 'string' || typeof d?.Value !== 'string') {
      throw new SimError('InvalidParameterValue', `The dimension ${where}.member.${i + 1} must have a Name and a Value.`);
    }
    return { Name: d.Name, Value: d.Value };
  });
}

export function pageStart(token: unknown): number {
  if (token === undefined || token === null) return 0;
  const n = Number(Buffer.from(String(token), 'base64url').toString());
  if (!Number.isInteger(n) || n < 0) throw new SimError('InvalidNextToken', 'The service cannot find the NextToken.');
  return n;
}

export function pageToken(next: number, total: number): string | undefined {
  return next < total ? Buffer.from(String(next)).toString('base64url') : undefined;
}
