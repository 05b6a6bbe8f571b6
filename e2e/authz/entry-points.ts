/**
 * Every way into the web app, read from the code itself: pages (app/**\/page.tsx), route handlers
 * (app/**\/route.ts, one entry per exported HTTP method) and server actions (the exports of files whose
 * first statement is 'use server'). Also what each one's own guard says (requirePage / route / action
 * roles), so the matrix can be checked against the code statically as well as over HTTP.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type Guard = { kind: 'roles'; roles: string[] } | { kind: 'none' };
export type EntryPoint =
  | { kind: 'page'; key: string; file: string; guard: Guard }
  | { kind: 'route'; key: string; path: string; method: string; file: string; guard: Guard }
  | { kind: 'action'; key: string; file: string; name: string; guard: Guard }
  | { kind: 'inline-action'; key: string; file: string };

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const USE_SERVER_FIRST = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use server['"]/;

function walk(dir: string): string[] {
  let out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'generated') out = out.concat(walk(full));
    } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** app/(console)/shots/[shotId]/page.tsx → /shots/[shotId]: route groups and parallel slots vanish. */
export function routePath(file: string): string {
  const segments = file.split('/').slice(1, -1).filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith('@'));
  return `/${segments.join('/')}`;
}

function rolesIn(list: string): string[] {
  return [...list.matchAll(/['"](\w+)['"]/g)].map((m) => m[1]!).sort();
}

function pageGuard(src: string): Guard {
  const m = src.match(/requirePage\(([^)]*)\)/);
  return m ? { kind: 'roles', roles: rolesIn(m[1]!) } : { kind: 'none' };
}

function routeGuard(src: string, method: string): Guard {
  const m = src.match(new RegExp(`export const ${method}\\s*=\\s*route\\(\\[([^\\]]*)\\]`));
  return m ? { kind: 'roles', roles: rolesIn(m[1]!) } : { kind: 'none' };
}

/** `export async function x(input) { return wrapped(input); }` with `const wrapped = action([roles], …)`, or `export const x = action(…)`. */
function actionGuard(src: string, name: string): Guard {
  const direct = src.match(new RegExp(`export const ${name}\\s*=\\s*action\\(\\[([^\\]]*)\\]`));
  if (direct) return { kind: 'roles', roles: rolesIn(direct[1]!) };
  const body = src.match(new RegExp(`export async function ${name}\\s*\\([^)]*\\)[^{]*\\{\\s*return (\\w+)\\(`));
  const wrapped = body && src.match(new RegExp(`const ${body[1]}\\s*=\\s*action\\(\\[([^\\]]*)\\]`));
  return wrapped ? { kind: 'roles', roles: rolesIn(wrapped[1]!) } : { kind: 'none' };
}

function exportedNames(src: string): string[] {
  const names = [...src.matchAll(/export\s+(?:async\s+)?(?:function\s+|const\s+)(\w+)/g)].map((m) => m[1]!);
  for (const m of src.matchAll(/export\s*\{([^}]*)\}/g)) names.push(...m[1]!.split(',').map((s) => s.trim().split(/\s+as\s+/).pop()!).filter(Boolean));
  return names;
}

export function enumerateEntryPoints(root = process.cwd()): EntryPoint[] {
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  const out: EntryPoint[] = [];
  for (const full of walk(path.join(root, 'app'))) {
    const file = rel(full);
    const src = readFileSync(full, 'utf8');
    if (/\/page\.tsx?$/.test(file)) out.push({ kind: 'page', key: routePath(file), file, guard: pageGuard(src) });
    if (/\/route\.ts$/.test(file)) {
      const methods = new Set<string>();
      for (const m of src.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(\w+)/g)) if (HTTP_METHODS.includes(m[1]!)) methods.add(m[1]!);
      for (const m of src.matchAll(/export\s+const\s*\{([^}]*)\}/g)) for (const n of m[1]!.split(',').map((s) => s.trim())) if (HTTP_METHODS.includes(n)) methods.add(n);
      const p = routePath(file);
      for (const method of [...methods].sort()) out.push({ kind: 'route', key: `${method} ${p}`, path: p, method, file, guard: routeGuard(src, method) });
    }
  }
  for (const dir of ['app', 'components', 'lib']) {
    for (const full of walk(path.join(root, dir))) {
      const file = rel(full);
      const src = readFileSync(full, 'utf8');
      if (USE_SERVER_FIRST.test(src)) {
        for (const name of exportedNames(src)) out.push({ kind: 'action', key: `${file}#${name}`, file, name, guard: actionGuard(src, name) });
      } else if (/['"]use server['"]/.test(src)) {
        out.push({ kind: 'inline-action', key: `${file}#inline`, file });
      }
    }
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}
