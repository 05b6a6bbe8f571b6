import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimContext } from '../context';
import { instanceRoutes } from './routes-instances';
import { ControlError, worldRoutes } from './routes-world';

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The control API changes the world without credentials, so it answers loopback callers only. */
export function isLoopback(req: IncomingMessage): boolean {
  const a = req.socket.remoteAddress ?? '';
  return a === '127.0.0.1' || a === '::1' || a === '::ffff:127.0.0.1';
}

const ROUTES = [...worldRoutes, ...instanceRoutes];

/** `/_sim/*`: JSON, no SigV4, loopback only. See sim/aws/README.md for every endpoint. */
export async function handleControl(ctx: SimContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  try {
    if (!isLoopback(req)) throw new ControlError(403, 'the control API answers 127.0.0.1 only');
    const body = await readBody(req);
    const candidates = ROUTES.filter((r) => r.path.test(url.pathname));
    if (!candidates.length) throw new ControlError(404, `no control endpoint ${url.pathname}`);
    const route = candidates.find((r) => r.method === req.method);
    if (!route) throw new ControlError(405, `${req.method} not allowed on ${url.pathname}`);
    const params = (route.path.exec(url.pathname) ?? []).slice(1).map((p) => decodeURIComponent(p));
    sendJson(res, 200, await route.handle({ ctx, params, body, url }));
    if (route.method !== 'GET') ctx.onChange?.();
  } catch (e) {
    if (e instanceof ControlError) sendJson(res, e.status, { error: e.message });
    else {
      console.error('aws simulator: control', e);
      sendJson(res, 500, { error: e instanceof Error ? e.message : String(e) });
    }
  }
}
