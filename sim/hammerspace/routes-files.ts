/**
 * The namespace as this site sees it: /files lists metadata replicated here (whether or not the
 * bytes are local) and, with includeReplicationDetails, where the data is. Attributes on paths
 * replicate over the bus like file metadata (handy as canaries).
 */
import fs from 'node:fs';
import { listReply, param, type AnvilRouter, type Ctx } from './context';
import { ApiError, invalid } from './errors';
import type { FileVersion, LogicalShare } from './federation';
import { asRecord, bool, str } from './http';
import type { ShareEntity } from './model';
import { activeSlos, fileContext, LOCAL_PLACEMENT, normalizePath } from './placement';
import { requireShare } from './routes-shares';

const missing = (path: string) => new ApiError(500, 'INTERNAL_SERVER_ERROR', `No such file or directory: ${path}`, [path]);

function locate(ctx: Ctx, nsPath: string): { share: ShareEntity; L: LogicalShare; rel: string } {
  const matches = ctx.anvil.shares.filter((s) => s.state === 'PUBLISHED' && (nsPath === s.path || nsPath.startsWith(`${s.path === '/' ? '' : s.path}/`)));
  const share = matches.sort((a, b) => b.path.length - a.path.length)[0];
  const L = share && ctx.world.federation.get(share.logicalUuid);
  if (!share || !L) throw missing(nsPath);
  const rel = normalizePath(nsPath.slice(share.path === '/' ? 0 : share.path.length));
  return { share, L, rel };
}

const join = (share: ShareEntity, rel: string) => (rel === '/' ? share.path : `${share.path === '/' ? '' : share.path}${rel}`);
const parentOf = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';

function fileNode(ctx: Ctx, share: ShareEntity, L: LogicalShare, v: FileVersion, details: boolean) {
  const region = ctx.anvil.region;
  const ns = join(share, v.path);
  const node: Record<string, unknown> = {
    name: v.path.split('/').pop(), path: ns, parent: parentOf(ns), sharePath: share.path, shareName: share.name,
    size: v.size, createTime: v.mtimeMs, lastModified: v.mtimeMs, lastAccessed: v.mtimeMs, isDirectory: false, type: 'FILE', children: [],
  };
  if (!details) return node;
  const local = L.hasData(region, v.path);
  const dataSites = [...(L.dataAt.get(v.path) ?? [])].map((r) => ctx.world.anvils.get(r)?.name ?? r);
  const origin = ctx.world.anvils.get(v.origin);
  const slos = activeSlos(ctx.anvil, share, fileContext(ctx.anvil, share, v), v.path);
  const wantsLocal = [...slos].some((s) => LOCAL_PLACEMENT.has(s));
  return {
    ...node,
    remote: !local,
    replicationDetails: {
      siteName: origin?.name ?? v.origin,
      participantId: L.members.get(v.origin)?.participantId ?? 0,
      cachedCopy: local && v.origin !== region,
      versioningEnabled: false,
      accessDependency: local ? 'LOCAL' : 'REMOTE',
      dataPresentAt: dataSites,
    },
    objectives: [...slos],
    compliance: [{ dimension: 'DIMENSION_MAKE_LOCAL', compliance: !wantsLocal || local ? 'ALIGNED' : 'MISALIGNED' }],
    sloTargets: [],
    volumes: local ? [{ name: `${region}-dsx1-vol1` }] : [],
    permanentDataLoss: false,
  };
}

function dirNode(ctx: Ctx, share: ShareEntity, L: LogicalShare, rel: string, details: boolean, depth: number) {
  const prefix = rel === '/' ? '/' : `${rel}/`;
  const files = L.liveFiles(ctx.anvil.region).filter((v) => v.path.startsWith(prefix));
  const ns = join(share, rel);
  const node: Record<string, unknown> = {
    name: rel === '/' ? share.name : rel.split('/').pop(), path: ns, parent: parentOf(ns), sharePath: share.path, shareName: share.name,
    size: files.reduce((n, f) => n + f.size, 0), isDirectory: true, type: 'DIRECTORY', children: [],
  };
  if (depth > 0) return node;
  const dirs = new Set<string>();
  const children: unknown[] = [];
  for (const v of files) {
    const rest = v.path.slice(prefix.length);
    if (!rest.includes('/')) children.push(fileNode(ctx, share, L, v, details));
    else dirs.add(rest.split('/')[0] as string);
  }
  try {
    const abs = ctx.world.folders.filePath(ctx.anvil.region, share.name, rel);
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) if (e.isDirectory() && !e.name.startsWith('.')) dirs.add(e.name);
  } catch {
    // Not on disk here: a directory known only from replicated metadata.
  }
  for (const d of [...dirs].sort()) children.push(dirNode(ctx, share, L, `${prefix}${d}`, details, depth + 1));
  node.children = children;
  return node;
}

function filesReply(ctx: Ctx, rawPath: string) {
  const nsPath = normalizePath(rawPath);
  const details = bool(ctx.query.get('includeReplicationDetails')) ?? false;
  if (nsPath === '/') {
    const children = ctx.anvil.shares.filter((s) => s.state === 'PUBLISHED').map((s) => ({ name: s.name, path: s.path, shareName: s.name, isDirectory: true, type: 'DIRECTORY' }));
    return { body: { name: '/', path: '/', size: 0, isDirectory: true, type: 'DIRECTORY', children } };
  }
  const { share, L, rel } = locate(ctx, nsPath);
  const v = L.view(ctx.anvil.region).get(rel);
  if (v && !v.deleted) return { body: fileNode(ctx, share, L, v, details) };
  const prefix = rel === '/' ? '/' : `${rel}/`;
  const isDir = rel === '/' || L.liveFiles(ctx.anvil.region).some((f) => f.path.startsWith(prefix)) || fs.existsSync(ctx.world.folders.filePath(ctx.anvil.region, share.name, rel));
  if (!isDir) throw missing(nsPath);
  return { body: dirNode(ctx, share, L, rel, details, 0) };
}

function attributes(ctx: Ctx, L: LogicalShare, path: string) {
  return [...L.attrs(ctx.anvil.region).values()].filter((a) => a.path === path && !a.deleted).map((a) => ({ name: a.name, type: a.type, value: a.value }));
}

export function registerFileRoutes(r: AnvilRouter): void {
  r.get('/files', (ctx) => filesReply(ctx, ctx.query.get('path') ?? '/'));
  r.get('/files/*path', (ctx) => filesReply(ctx, param(ctx, 'path')));

  const shareNs = (ctx: Ctx) => {
    const share = requireShare(ctx, param(ctx, 'id'));
    return { share, L: ctx.world.federation.get(share.logicalUuid) as LogicalShare, path: normalizePath(ctx.query.get('path')) };
  };
  r.get('/shares/:id/attribute', (ctx) => {
    const { L, path } = shareNs(ctx);
    return listReply(ctx, attributes(ctx, L, path));
  });
  r.post('/shares/:id/attribute', (ctx) => {
    const { L, path } = shareNs(ctx);
    const b = asRecord(ctx.body);
    const name = str(b.name);
    if (!name) throw invalid('Attribute name is required', ['name']);
    const a = ctx.world.replication.setAttr(ctx.anvil, L, path, name, str(b.type) ?? 'STRING', b.value ?? null);
    return { body: { name: a.name, type: a.type, value: a.value } };
  });
  r.delete('/shares/:id/attribute', (ctx) => {
    const { L, path } = shareNs(ctx);
    const name = ctx.query.get('name');
    if (!name) throw invalid('name is required', ['name']);
    ctx.world.replication.setAttr(ctx.anvil, L, path, name, 'STRING', null, true);
    return { body: attributes(ctx, L, path) };
  });
}
