/**
 * Shared set-up of the shots integration tests: a temporary folder as the home site's publish root (and
 * one for a second site, for path mapping), the fixtures placed under the default layout, and helpers to
 * write clips the way Flame does (in place, possibly in pieces).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '@/lib/db/client';
import type { Actor } from '@/lib/domain/auth/actor';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/openclip');
export const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

export type TStudio = { east: string; west: string; eastRoot: string; westRoot: string; producer: Actor; producerId: string; cleanup(): void };

export async function seedPublishStudio(db: Db): Promise<TStudio> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'shots-test-'));
  const eastRoot = path.join(base, 'east', 'projects');
  const westRoot = path.join(base, 'west', 'projects');
  fs.mkdirSync(eastRoot, { recursive: true });
  fs.mkdirSync(westRoot, { recursive: true });
  const east = await db.site.create({ data: { region: 'us-east-1', name: 'Studio East', isHome: true, state: 'active', publishRoot: eastRoot } });
  const west = await db.site.create({ data: { region: 'us-west-2', name: 'Studio West', state: 'active', publishRoot: westRoot } });
  const user = await db.user.create({ data: { email: 'producer@studio.example', name: 'Priya Producer', roles: ['producer'] } });
  const producer: Actor = { kind: 'user', userId: user.id, email: user.email, name: user.name, roles: ['producer'] };
  return { east: east.id, west: west.id, eastRoot, westRoot, producer, producerId: user.id, cleanup: () => fs.rmSync(base, { recursive: true, force: true }) };
}

/** `<project>/sequences/<sequence>/<shot>/<shot>.clip`, the default layout's shot clip. */
export const clipRel = (project: string, sequence: string, shot: string) => `${project}/sequences/${sequence}/${shot}/${shot}.clip`;

export function writeFile(root: string, rel: string, content: string | Buffer): string {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
  return abs;
}

/** Writes `content` in place in `pieces` chunks, `gapMs` apart, as a slow writer (or a replica) would. */
export async function writeInPieces(abs: string, content: string, pieces: number, gapMs: number): Promise<void> {
  const fd = fs.openSync(abs, 'w');
  try {
    const size = Math.ceil(content.length / pieces);
    for (let i = 0; i < pieces; i++) {
      fs.writeSync(fd, content.slice(i * size, (i + 1) * size));
      if (i < pieces - 1) await new Promise((r) => setTimeout(r, gapMs));
    }
  } finally {
    fs.closeSync(fd);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
