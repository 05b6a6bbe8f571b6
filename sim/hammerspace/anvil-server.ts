/**
 * The request path of every Anvil: injected 5xx first (a failing-over Anvil fails even logins),
 * then routing, authentication (Basic or session cookie), the admin check, the handler; every call
 * is recorded for the control API's counters.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Anvil } from './anvil';
import type { Ctx } from './context';
import { ApiError, isErrorCode } from './errors';
import { Router, errorReply, parseBody, readBody, send, type Reply } from './http';
import { metricsText } from './metrics';
import { registerClusterRoutes, registerVolumeRoutes } from './routes-cluster';
import { registerEventRoutes, registerTaskRoutes } from './routes-activity';
import { registerFileRoutes } from './routes-files';
import { registerObjectiveRoutes } from './routes-objectives';
import { registerParticipantRoutes } from './routes-participants';
import { registerShareObjectiveRoutes } from './routes-share-objectives';
import { registerShareRoutes } from './routes-shares';
import { registerSiteRoutes } from './routes-sites';

export const API_BASE = '/mgmt/v1.2/rest';

function buildRouter(): Router<Ctx> {
  const r = new Router<Ctx>();
  for (const register of [
    registerClusterRoutes, registerSiteRoutes, registerShareRoutes, registerShareObjectiveRoutes, registerObjectiveRoutes,
    registerParticipantRoutes, registerFileRoutes, registerVolumeRoutes, registerTaskRoutes, registerEventRoutes,
  ]) {
    register(r);
  }
  return r;
}

const router = buildRouter();

function injectedError(anvil: Anvil): ApiError | undefined {
  const mode = anvil.errorMode;
  if (!mode) return undefined;
  if (mode.remaining !== undefined) {
    mode.remaining--;
    if (mode.remaining <= 0) anvil.errorMode = undefined;
  }
  const code = isErrorCode(mode.errorCode) ? mode.errorCode : 'INTERNAL_SERVER_ERROR';
  return new ApiError(mode.status, code as ApiError['code'], mode.message);
}

async function dispatch(anvil: Anvil, req: IncomingMessage, rawPath: string, query: URLSearchParams, note: { route: string; user?: string }): Promise<Reply> {
  const injected = injectedError(anvil);
  if (injected) throw injected;
  const method = (req.method ?? 'GET').toUpperCase();
  const sub = rawPath.slice(API_BASE.length) || '/';
  const m = router.match(method, sub);
  if (m === undefined) throw new ApiError(404, 'ENTITY_NOT_FOUND', `No such resource: ${method} ${sub}`);
  if (m === 'method') throw new ApiError(405, 'BAD_REQUEST', `Method ${method} not allowed on ${sub}`);
  note.route = m.route.pattern;
  const raw = await readBody(req);
  const body = parseBody(raw, req.headers['content-type']);
  const user = m.route.anonymous ? undefined : anvil.sessions.authenticate(req);
  note.user = user?.username;
  if (user && m.route.admin && user.role !== 'admin') {
    throw new ApiError(403, 'INSUFFICIENT_AUTHORIZATION', `User ${user.username} may not ${method} ${m.route.pattern}`);
  }
  return m.route.handler({ world: anvil.world, anvil, req, params: m.params, query, body, user });
}

export function anvilHandler(anvil: Anvil): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const rawPath = q >= 0 ? rawUrl.slice(0, q) : rawUrl;
    const query = new URLSearchParams(q >= 0 ? rawUrl.slice(q + 1) : '');
    if (rawPath === '/metrics') {
      send(res, { text: metricsText(anvil.world, anvil), contentType: 'text/plain; version=0.0.4; charset=utf-8' });
      return;
    }
    const note: { route: string; user?: string } = { route: rawPath };
    const done = (reply: Reply) => {
      send(res, reply);
      anvil.recordCall({ at: Date.now(), method: req.method ?? 'GET', path: rawUrl, route: note.route, status: reply.status ?? 200, user: note.user });
    };
    if (!rawPath.startsWith(API_BASE)) {
      done({ status: 404, body: [{ errorCode: 'ENTITY_NOT_FOUND', message: `Not found: ${rawPath}`, args: [] }] });
      return;
    }
    dispatch(anvil, req, rawPath, query, note).then(done, (err) => done(errorReply(err)));
  };
}
