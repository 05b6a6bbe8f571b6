/**
 * List semantics shared by every collection: bare arrays, `spec={field}={op}={value}` filters (AND
 * when repeated), zero-based `page` with `page.size`, and `page.sort` / `page.sort.dir`.
 */
import { badRequest, notFound } from './errors';

type Row = Record<string, unknown>;

function field(row: Row, dotted: string): unknown {
  let cur: unknown = row;
  for (const key of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Row)[key];
  }
  return cur;
}

function likeToRegex(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/[%*]/g, '.*').replace(/_|\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

function compare(a: unknown, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (typeof a === 'number' || (a !== '' && !Number.isNaN(na) && !Number.isNaN(nb))) return na - nb;
  return String(a ?? '').localeCompare(b);
}

export function specMatches(row: Row, spec: string): boolean {
  const m = /^([^=]+)=([a-z]+)=(.*)$/s.exec(spec);
  if (!m) throw badRequest(`Invalid spec '${spec}': expected {field}={operator}={value}`, 'BAD_REQUEST', [spec]);
  const [, name, op, value] = m as unknown as [string, string, string, string];
  const v = field(row, name);
  const s = v === undefined || v === null ? '' : String(v);
  switch (op) {
    case 'eq': return s === value;
    case 'neq': return s !== value;
    case 'gt': return compare(v, value) > 0;
    case 'lt': return compare(v, value) < 0;
    case 'ge': return compare(v, value) >= 0;
    case 'le': return compare(v, value) <= 0;
    case 'like': return likeToRegex(value).test(s);
    case 'nlike': return !likeToRegex(value).test(s);
    case 'sw': return s.startsWith(value);
    case 'nsw': return !s.startsWith(value);
    case 'in': return value.split(',').includes(s);
    case 'nin': return !value.split(',').includes(s);
    default:
      throw badRequest(`Invalid spec operator '${op}'`, 'BAD_REQUEST', [spec]);
  }
}

export function applyList<T extends object>(rows: T[], query: URLSearchParams): T[] {
  let out = rows.filter((r) => query.getAll('spec').filter(Boolean).every((s) => specMatches(r as Row, s)));
  const sort = query.get('page.sort');
  if (sort) {
    const dir = query.get('page.sort.dir')?.toLowerCase() === 'desc' ? -1 : 1;
    out = [...out].sort((a, b) => {
      const av = field(a as Row, sort);
      return dir * compare(av, String(field(b as Row, sort) ?? ''));
    });
  }
  const sizeRaw = query.get('page.size');
  if (sizeRaw) {
    const size = Number(sizeRaw);
    const page = Number(query.get('page') ?? '0');
    if (!Number.isInteger(size) || size <= 0 || !Number.isInteger(page) || page < 0) {
      throw badRequest('page and page.size must be non-negative integers');
    }
    out = out.slice(page * size, page * size + size);
  }
  return out;
}

export interface Identified {
  uuid: string;
  name: string;
  internalId?: number;
}

/** `{identifier}` is a name or a UUID (internal ids are accepted too). */
export function findById<T extends Identified>(items: Iterable<T>, id: string): T | undefined {
  for (const item of items) if (item.uuid === id) return item;
  for (const item of items) if (item.name === id) return item;
  if (/^\d+$/.test(id)) for (const item of items) if (item.internalId === Number(id)) return item;
  return undefined;
}

export function getById<T extends Identified>(items: Iterable<T>, id: string, kind: string): T {
  const found = findById(items, id);
  if (!found) throw notFound(kind, id);
  return found;
}
