// Path arithmetic without node:path, so the domain stays runnable anywhere (the browser shows the
// same resolved paths). Clip paths are posix on every site this control plane serves; legacy
// Windows-written clips get their backslashes turned into slashes first, as AYON does.

/** Backslashes to slashes; a drive letter (`C:/`) is kept as the first segment. */
export function toPosix(p: string): string {
  return p.includes('\\') ? p.replace(/\\/g, '/') : p;
}

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:\//.test(p);
}

/** Collapse `.`, `..` and repeated slashes. `..` never climbs above the root of an absolute path. */
export function normalizePath(p: string): string {
  const posix = toPosix(p);
  const drive = /^[A-Za-z]:\//.exec(posix)?.[0] ?? '';
  const absolute = drive !== '' || posix.startsWith('/');
  const out: string[] = [];
  for (const seg of posix.slice(drive.length).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const body = out.join('/');
  if (drive) return drive + body;
  if (absolute) return '/' + body;
  return body === '' ? '.' : body;
}

export function dirnamePath(p: string): string {
  const posix = normalizePath(p);
  const cut = posix.lastIndexOf('/');
  if (cut === -1) return '.';
  if (cut === 0) return '/';
  return posix.slice(0, cut);
}

export function basenamePath(p: string): string {
  const posix = toPosix(p);
  const trimmed = posix.endsWith('/') ? posix.slice(0, -1) : posix;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Resolve `p` against `baseDir` unless it is already absolute. */
export function resolvePath(baseDir: string, p: string): string {
  const posix = toPosix(p);
  if (isAbsolutePath(posix)) return normalizePath(posix);
  return normalizePath(`${toPosix(baseDir)}/${posix}`);
}
