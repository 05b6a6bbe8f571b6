/**
 * A server component can import a client component from a 'use client' module, but any other value it
 * imports from there (a class-name string, a helper) arrives as a client reference: the board's filters
 * once rendered `class="function(){throw Error(…)}"` that way. This walks the real app/ and components/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['app', 'components'];
const isClient = (file: string) => /^\s*['"]use client['"]/.test(readFileSync(file, 'utf8'));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

function resolve(spec: string, from: string): string | undefined {
  const base = spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? path.join(path.dirname(from), spec) : undefined;
  if (!base) return undefined;
  return ['.tsx', '.ts', '/index.tsx', '/index.ts'].map((ext) => base + ext).find((p) => existsSync(p));
}

/** Values (not components, not types) a server module imports from client modules. */
function clientValueImports(file: string): string[] {
  const out: string[] = [];
  for (const m of readFileSync(file, 'utf8').matchAll(/import\s+\{([^}]*)\}\s+from\s+'([^']+)'/g)) {
    const target = resolve(m[2]!, file);
    if (!target || !isClient(target)) continue;
    const names = m[1]!.split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type '));
    for (const n of names.map((x) => x.split(/\s+as\s+/)[0]!)) if (/^[a-z]/.test(n)) out.push(`${file} imports ${n} from ${target}`);
  }
  return out;
}

describe('server and client modules', () => {
  it('no server module imports a non-component value from a client module', () => {
    const servers = ROOTS.flatMap(sources).filter((f) => !isClient(f));
    expect(servers.length).toBeGreaterThan(20);
    expect(servers.flatMap(clientValueImports)).toEqual([]);
  });
});
