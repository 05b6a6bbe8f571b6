import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { SimContext, type AccessKey } from './context';
import { SimError, authError } from './errors';
import { REGION_RE } from './ec2/catalog';
import { ec2Error, handleEc2, type WireResponse } from './ec2/handler';
import { cloudWatchError, handleCloudWatch } from './cloudwatch/handler';
import { handleControl, readBody } from './control/index';
import { parseAuthorization, verifySignature } from './sigv4';
import { StateFile } from './state-file';

export interface AwsSimulatorOptions {
  port?: number;
  host?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** One duration for every transition (pending→running, stopping→stopped, shutting-down→terminated). */
  transitionMs?: number;
  terminatedRetentionMs?: number;
  seed?: number;
  /** AWS's token buckets; off = only injected throttling. */
  throttling?: boolean;
  /** More accepted keys, e.g. a read-only one that gets UnauthorizedOperation on mutating calls. */
  extraKeys?: Array<{ accessKeyId: string; secretAccessKey: string; readOnly?: boolean; userName?: string }>;
  /**
   * Keep the EC2 world (instances, launch templates, ClientTokens, id generator) in this JSON file: loaded
   * at start, saved after changes (at most once a second) and on close. Off by default, so tests and
   * benches get a fresh, deterministic simulator.
   */
  stateFile?: string;
}

export interface AwsSimulator {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  readOnlyAccessKeyId: string;
  readOnlySecretAccessKey: string;
  context: SimContext;
  close(): Promise<void>;
}

export const DEFAULT_ACCESS_KEY_ID = 'AKIASIMULATOR000001';
export const DEFAULT_SECRET_ACCESS_KEY = 'sim-secret-key-do-not-use-in-prod';
export const READ_ONLY_ACCESS_KEY_ID = 'AKIASIMREADONLY00001';
export const READ_ONLY_SECRET_ACCESS_KEY = 'sim-readonly-secret-do-not-use-in-prod';

/** `server-timing` carries the handler's own time, so benchmarks can tell it from transfer and parsing. */
function send(res: ServerResponse, out: WireResponse, requestId: string, startedAt?: number): void {
  res.writeHead(out.status, {
    'content-type': out.contentType,
    'content-length': Buffer.byteLength(out.body),
    'x-amzn-requestid': requestId,
    ...(startedAt === undefined ? {} : { 'server-timing': `handler;dur=${(performance.now() - startedAt).toFixed(2)}` }),
    ...out.headers,
  });
  res.end(out.body);
}

async function onRequest(ctx: SimContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/_sim' || url.pathname.startsWith('/_sim/')) return handleControl(ctx, req, res, url);
  const requestId = randomUUID();
  const raw = await readBody(req);
  const auth = parseAuthorization(req.headers.authorization);
  const target = req.headers['x-amz-target'] as string | undefined;
  const service = auth?.service ?? (target ? 'monitoring' : 'ec2');
  const region = auth?.region ?? 'us-east-1';
  const fail = (err: SimError) => {
    ctx.counters.record(service, region, '(auth)', err.code);
    send(res, service === 'monitoring' ? cloudWatchError(err) : ec2Error(err, requestId), requestId);
  };
  if (!auth) return fail(authError(service, req.headers.authorization ? 'malformed' : 'missing'));
  if (service !== 'ec2' && service !== 'monitoring') return fail(new SimError('InvalidAction', `Service ${service} is not simulated here.`));
  if (!REGION_RE.test(auth.region)) return fail(authError(service, 'region'));
  const key: AccessKey | undefined = ctx.keys.get(auth.accessKeyId);
  if (!key) return fail(authError(service, 'unknown-key'));
  const verdict = await verifySignature({
    method: req.method ?? 'POST',
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body: raw,
    auth,
    secretAccessKey: key.secretAccessKey,
    now: ctx.now(),
  });
  if (verdict !== 'ok') return fail(authError(service, verdict));
  // CloudWatch's SDK gzips PutMetricData bodies over 10 KB; the signature covers the compressed bytes.
  const body = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
  if (ctx.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, ctx.latencyMs));
  const startedAt = performance.now();
  if (service === 'monitoring') return send(res, handleCloudWatch(ctx, region, key, target, body), requestId, startedAt);
  const query = req.method === 'GET' ? url.search.slice(1) : body;
  send(res, handleEc2(ctx, region, key, query, requestId), requestId, startedAt);
}

/** Starts the EC2 + CloudWatch simulator on 127.0.0.1 (port 0 = any free port). */
export async function startAwsSimulator(opts: AwsSimulatorOptions = {}): Promise<AwsSimulator> {
  const accessKeyId = opts.accessKeyId ?? DEFAULT_ACCESS_KEY_ID;
  const secretAccessKey = opts.secretAccessKey ?? DEFAULT_SECRET_ACCESS_KEY;
  const t = opts.transitionMs;
  const ctx = new SimContext({
    seed: opts.seed ?? 1,
    throttling: opts.throttling ?? true,
    transitions: {
      pendingMs: t ?? 3000,
      stoppingMs: t ?? 3000,
      shuttingDownMs: t ?? 2000,
      statusCheckMs: t ?? 3000,
      terminatedRetentionMs: opts.terminatedRetentionMs ?? 3600_000,
    },
    keys: [
      { accessKeyId, secretAccessKey, readOnly: false, userName: 'studio-admin' },
      { accessKeyId: READ_ONLY_ACCESS_KEY_ID, secretAccessKey: READ_ONLY_SECRET_ACCESS_KEY, readOnly: true, userName: 'studio-readonly' },
      ...(opts.extraKeys ?? []).map((k) => ({ readOnly: false, userName: 'studio-extra', ...k })),
    ],
  });
  const stateFile = opts.stateFile ? new StateFile(opts.stateFile, ctx) : undefined;
  if (stateFile) {
    stateFile.load();
    ctx.onChange = () => stateFile.changed();
  }
  const server = http.createServer((req, res) => {
    onRequest(ctx, req, res).catch((e) => {
      console.error('aws simulator: request failed', e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal simulator error');
    });
  });
  server.keepAliveTimeout = 30_000;
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    accessKeyId,
    secretAccessKey,
    readOnlyAccessKeyId: READ_ONLY_ACCESS_KEY_ID,
    readOnlySecretAccessKey: READ_ONLY_SECRET_ACCESS_KEY,
    context: ctx,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await stateFile?.flush();
    },
  };
}
