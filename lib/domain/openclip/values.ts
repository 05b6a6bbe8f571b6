// Values whose meaning is loose in the format: userData (free-form, typed by an attribute, kept
// raw so nothing is lost, v9 Bytes included) and creationDate (unparsed free text in the spec).
import { attrValue, type TXmlElement } from './xml-node';
import type { TCreationDate, TUserDataEntry } from './types';

/** Flatten a `<userData>` dict into `path`-keyed entries, nested dicts included, in order. */
export function readUserData(el: TXmlElement | null): TUserDataEntry[] {
  const out: TUserDataEntry[] = [];
  if (el) walk(el, '', out);
  return out;
}

function walk(dict: TXmlElement, prefix: string, out: TUserDataEntry[]): void {
  for (const child of dict.children) {
    const path = prefix + child.name;
    const type = attrValue(child, 'type') ?? null;
    if (type === 'dict' || child.children.length > 0) {
      out.push({ path, type: type ?? 'dict', raw: '' });
      walk(child, `${path}/`, out);
    } else {
      out.push({ path, type, raw: child.text });
    }
  }
}

export function userDataValue(entries: readonly TUserDataEntry[], path: string): string | null {
  const hit = entries.find((e) => e.path === path);
  return hit ? hit.raw.trim() : null;
}

/** The `<version>` children Flame writes; `versionNumber` and `batchSetup` live in userData. */
export function userDataInt(entries: readonly TUserDataEntry[], path: string): number | null {
  const v = userDataValue(entries, path);
  return v !== null && /^\d{1,15}$/.test(v) ? Number.parseInt(v, 10) : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NUMERIC = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/i;
const PROSE_MDY = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(.*)$/;
const PROSE_DMY = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(.*)$/;
const CLOCK = /^[\s,]*(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?\s*$/i;

/**
 * Flame writes `2014/12/09 22:22:48`, tk-nuke `2014-12-09 22:22:48`, Autodesk's docs
 * `January 12, 2025`. The result is wall-clock time with no zone, because none of them has one;
 * an unreadable date keeps its raw text and a null `iso` (the caller falls back to the mtime).
 */
export function parseCreationDate(raw: string | null): TCreationDate | null {
  if (raw === null) return null;
  const text = raw.trim();
  if (text === '' || text.length > 100) return { raw, iso: null };
  const num = NUMERIC.exec(text);
  if (num) return { raw, iso: build(num[1], num[2], num[3], num[4], num[5], num[6], undefined) };
  const mdy = PROSE_MDY.exec(text);
  const dmy = mdy ? null : PROSE_DMY.exec(text);
  const parts = mdy ? { mon: mdy[1], day: mdy[2], year: mdy[3], rest: mdy[4] } : dmy ? { mon: dmy[2], day: dmy[1], year: dmy[3], rest: dmy[4] } : null;
  if (!parts) return { raw, iso: null };
  const month = MONTHS.indexOf((parts.mon ?? '').slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return { raw, iso: null };
  const rest = (parts.rest ?? '').trim();
  if (rest === '') return { raw, iso: build(parts.year, String(month), parts.day, undefined, undefined, undefined, undefined) };
  const clock = CLOCK.exec(rest);
  if (!clock) return { raw, iso: null };
  return { raw, iso: build(parts.year, String(month), parts.day, clock[1], clock[2], clock[3], clock[4]) };
}

function build(
  y: string | undefined,
  mo: string | undefined,
  d: string | undefined,
  h: string | undefined,
  mi: string | undefined,
  s: string | undefined,
  meridiem: string | undefined,
): string | null {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  let hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const p = (v: number, w = 2) => String(v).padStart(w, '0');
  return `${p(year, 4)}-${p(month)}-${p(day)}T${p(hour)}:${p(minute)}:${p(second)}`;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
