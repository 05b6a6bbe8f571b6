import { XMLBuilder } from 'fast-xml-parser';
import type { SimError } from '../errors';

export const EC2_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

const SPECIAL = /[&<>"']/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** One pass over each text value instead of the builder's five regex passes: a third of build time. */
function escapeText(_name: string, value: unknown): unknown {
  return typeof value === 'string' && SPECIAL.test(value) ? value.replace(/[&<>"']/g, (c) => ENTITIES[c] as string) : value;
}

/**
 * Stop nodes: their string value is XML the builder produced earlier (cached instance and reservation
 * fragments) and is emitted as-is. Every tag still comes from the builder; nothing is concatenated by hand.
 */
const RAW_PATHS = ['DescribeInstancesResponse.reservationSet', 'RunInstancesResponse.instancesSet'];

// `jPath: false` skips building a path string per node (untyped in fast-xml-parser's .d.ts, hence the variables).
const envelopeOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: false,
  tagValueProcessor: escapeText,
  stopNodes: RAW_PATHS,
  jPath: false,
};
const fragmentOptions = { ignoreAttributes: true, processEntities: false, tagValueProcessor: escapeText, stopNodes: ['item.instancesSet'], jPath: false };

const assembleOptions = { ignoreAttributes: true, processEntities: false, stopNodes: ['item'], jPath: false };

const envelopeBuilder = new XMLBuilder(envelopeOptions);
const fragmentBuilder = new XMLBuilder(fragmentOptions);
const assembler = new XMLBuilder(assembleOptions);

/** `<item>…</item>` for caching and later embedding at one of the raw paths. */
export function buildItemFragment(item: Record<string, unknown>): string {
  return fragmentBuilder.build({ item });
}

/** Sibling elements (`<a>…</a><b>…</b>`), one cacheable part of a larger item. */
export function buildElements(fields: Record<string, unknown>): string {
  return fragmentBuilder.build(fields);
}

/** Wraps cached parts, themselves builder output, in one `<item>`. */
export function assembleItem(parts: string[]): string {
  return assembler.build({ item: parts.join('') });
}

function document(doc: Record<string, unknown>): string {
  return envelopeBuilder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...doc });
}

/** `<{Action}Response xmlns=…><requestId>…</requestId>…</{Action}Response>`, AWS's success envelope. */
export function successXml(action: string, requestId: string, body: Record<string, unknown>): string {
  return document({ [`${action}Response`]: { '@_xmlns': EC2_NAMESPACE, requestId, ...body } });
}

export function errorXml(err: SimError, requestId: string): string {
  return document({ Response: { Errors: { Error: { Code: err.code, Message: err.message } }, RequestID: requestId } });
}

/** EC2 lists are `<fooSet><item>…</item></fooSet>`; an empty list is an empty element. */
export function itemSet<T>(items: T[]): { item: T[] } | '' {
  return items.length ? { item: items } : '';
}

export function tagSet(tags: Iterable<[string, string]>) {
  return itemSet([...tags].map(([key, value]) => ({ key, value })));
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
