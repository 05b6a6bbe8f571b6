/**
 * HTTP to one Anvil over node:http/https with one keep-alive agent per site. node's own agents are
 * used rather than fetch because a site may need to trust a self-signed certificate (the Anvil's
 * default) without turning verification off for the whole process. Every request has an AbortSignal
 * timeout; a request that lost the race with the server closing an idle keep-alive socket is retried
 * once (it never reached the server, so even a POST is safe to resend).
 */
import http from 'node:http';
import https from 'node:https';

export type TransportRequest = { method: string; url: URL; headers: Record<string, string>; body?: string; timeoutMs: number };
export type TransportResponse = { status: number; headers: http.IncomingHttpHeaders; text: string };

/** A failure before any HTTP status: the Anvil did not answer (network) or not in time (timeout). */
export class TransportError extends Error {
  constructor(
    readonly kind: 'network' | 'timeout',
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;

export class Transport {
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  private readonly httpsAgent: https.Agent;

  constructor(opts: { trustSelfSigned: boolean }) {
    this.httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 8, rejectUnauthorized: !opts.trustSelfSigned });
  }

  async send(req: TransportRequest): Promise<TransportResponse> {
    try {
      return await this.once(req);
    } catch (err) {
      if ((err as { reusedSocket?: boolean }).reusedSocket && (err as NodeJS.ErrnoException).code === 'ECONNRESET') return this.once(req);
      throw err;
    }
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private once(req: TransportRequest): Promise<TransportResponse> {
    const signal = AbortSignal.timeout(req.timeoutMs);
    const isHttps = req.url.protocol === 'https:';
    const headers = { ...req.headers, ...(req.body !== undefined ? { 'content-length': String(Buffer.byteLength(req.body)) } : {}) };
    return new Promise<TransportResponse>((resolve, reject) => {
      const fail = (err: Error & { code?: string }, reusedSocket = false) => {
        if (signal.aborted) {
          reject(new TransportError('timeout', 'ETIMEDOUT', `no answer within ${Math.round(req.timeoutMs / 100) / 10} s`));
          return;
        }
        const wrapped = new TransportError('network', err.code ?? 'ENETWORK', err.code ? `${err.code} (${err.message})` : err.message);
        reject(Object.assign(wrapped, { reusedSocket }));
      };
      const options = { method: req.method, headers, signal, agent: isHttps ? this.httpsAgent : this.httpAgent };
      const request = (isHttps ? https : http).request(req.url, options, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) request.destroy(new Error(`answer larger than ${MAX_BODY_BYTES} bytes`));
          else chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (err) => fail(err));
      });
      request.on('error', (err) => fail(err, request.reusedSocket));
      if (req.body !== undefined) request.write(req.body);
      request.end();
    });
  }
}
