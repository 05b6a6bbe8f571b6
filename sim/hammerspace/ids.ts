import { createHash, randomUUID } from 'node:crypto';

/** Stable UUIDs for things that exist from the start (sites, nodes, volumes), so restarts agree. */
export function stableUuid(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const newUuid = (): string => randomUUID();

export const uoid = (uuid: string, objectType: string) => ({ uuid, objectType });

/** The string form clients regex the uuid out of (TaskView.ctxMap['entity-uoid']). */
export const uoidString = (uuid: string, objectType: string) => `Uoid [uuid=${uuid}, objectType=${objectType}]`;
