import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { Sha256 } from '@aws-crypto/sha256-js';
import type { AwsSimulator } from './server';

/**
 * Helpers for tests and benchmarks that drive the simulator from outside (tests/, bench/): SDK client
 * settings, the control API, and a raw signed EC2 call for measuring the server without SDK parsing.
 */
export function clientConfig(sim: Pick<AwsSimulator, 'endpoint' | 'accessKeyId' | 'secretAccessKey'>, region = 'us-west-2') {
  return { endpoint: sim.endpoint, region, credentials: { accessKeyId: sim.accessKeyId, secretAccessKey: sim.secretAccessKey } };
}

export function controlApi(endpoint: string) {
  const call = async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${endpoint}/_sim/${path.replace(/^\//, '')}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as T & { error?: string };
    if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${json.error ?? ''}`);
    return json;
  };
  return {
    get: <T = unknown>(path: string) => call<T>('GET', path),
    post: <T = unknown>(path: string, body: unknown = {}) => call<T>('POST', path, body),
    delete: <T = unknown>(path: string) => call<T>('DELETE', path),
  };
}

/** POSTs a SigV4-signed EC2 Query request and returns the raw status and XML. */
export async function signedEc2Call(
  sim: Pick<AwsSimulator, 'endpoint' | 'accessKeyId' | 'secretAccessKey'>,
  region: string,
  params: Record<string, string>,
): Promise<{ status: number; body: string; serverMs: number }> {
  const url = new URL(sim.endpoint);
  const body = new URLSearchParams({ Version: '2016-11-15', ...params }).toString();
  const signer = new SignatureV4({
    credentials: { accessKeyId: sim.accessKeyId, secretAccessKey: sim.secretAccessKey },
    region,
    service: 'ec2',
    sha256: Sha256,
  });
  const signed = await signer.sign(
    new HttpRequest({
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }),
  );
  const res = await fetch(sim.endpoint, { method: 'POST', headers: signed.headers, body });
  const serverMs = Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? NaN);
  return { status: res.status, body: await res.text(), serverMs };
}

export interface AwsErrorShape {
  name: string;
  message: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number; requestId?: string };
}

/** Awaits a call that must fail and returns the SDK's typed exception. */
export async function awsErrorOf(call: Promise<unknown>): Promise<AwsErrorShape> {
  try {
    await call;
  } catch (e) {
    return e as AwsErrorShape;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns a value (not undefined) or the deadline passes. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 3000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}
