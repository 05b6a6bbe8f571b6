/**
 * A local webhook receiver on 127.0.0.1, port 0: it records every request (raw body, headers) and
 * answers with the next status of its script (the last one repeats), like a Slack hook having a bad
 * minute. It checks signatures the way a studio's receiver would, with the shared secret.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '@/lib/utils/webhook-signature';

export type Received = { path: string; body: string; headers: http.IncomingHttpHeaders; answered: number };

export type Receiver = {
  url: string;
  requests: Received[];
  /** requests answered 2xx, i.e. messages the receiver accepted */
  accepted(): Received[];
  /** whether one request carries a valid, fresh signature for `secret` */
  verify(r: Received, secret: string): ReturnType<typeof verifyWebhook>;
  setScript(statuses: number[]): void;
  close(): Promise<void>;
};

export async function startReceiver(script: number[] = [200]): Promise<Receiver> {
  let statuses = [...script];
  const requests: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answered = statuses.length > 1 ? statuses.shift()! : statuses[0]!;
      requests.push({ path: req.url ?? '/', body: Buffer.concat(chunks).toString('utf8'), headers: req.headers, answered });
      res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered < 300 ? 'ok' : 'receiver is having a bad minute');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/studio`,
    requests,
    accepted: () => requests.filter((r) => r.answered >= 200 && r.answered < 300),
    verify: (r, secret) =>
      verifyWebhook(secret, { signature: r.headers[SIGNATURE_HEADER] as string, timestamp: r.headers[TIMESTAMP_HEADER] as string }, r.body, Math.floor(Date.now() / 1000)),
    setScript: (s) => {
      statuses = [...s];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const idempotencyKeyOf = (r: Received) => r.headers[IDEMPOTENCY_HEADER] as string;
