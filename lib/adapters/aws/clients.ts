/**
 * One EC2 and one CloudWatch client per region, configured from `lib/env`: the simulator's endpoint and
 * keys in dev and tests, the SDK's regional endpoints and default credential chain in production.
 * The SDK retries throttling and 5xx itself (standard mode: exponential backoff with jitter).
 */
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { EC2Client } from '@aws-sdk/client-ec2';
import { env } from '@/lib/env';

const SDK_MAX_ATTEMPTS = 4;

function baseConfig(region: string) {
  const e = env();
  const credentials = e.AWS_ACCESS_KEY_ID && e.AWS_SECRET_ACCESS_KEY ? { accessKeyId: e.AWS_ACCESS_KEY_ID, secretAccessKey: e.AWS_SECRET_ACCESS_KEY } : undefined;
  return {
    region,
    endpoint: e.AWS_ENDPOINT_URL,
    credentials,
    maxAttempts: SDK_MAX_ATTEMPTS,
    retryMode: 'standard' as const,
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  };
}

const cacheKey = (region: string) => `${region}|${env().AWS_ENDPOINT_URL ?? 'aws'}|${env().AWS_ACCESS_KEY_ID ?? 'chain'}`;
const ec2Clients = new Map<string, EC2Client>();
const cwClients = new Map<string, CloudWatchClient>();

export function ec2Client(region: string): EC2Client {
  const key = cacheKey(region);
  let client = ec2Clients.get(key);
  if (!client) ec2Clients.set(key, (client = new EC2Client(baseConfig(region))));
  return client;
}

export function cloudWatchClient(region: string): CloudWatchClient {
  const key = cacheKey(region);
  let client = cwClients.get(key);
  if (!client) cwClients.set(key, (client = new CloudWatchClient(baseConfig(region))));
  return client;
}

/** Closes every cached client's sockets (tests and the bench call this before exiting). */
export function destroyAwsClients(): void {
  for (const c of ec2Clients.values()) c.destroy();
  for (const c of cwClients.values()) c.destroy();
  ec2Clients.clear();
  cwClients.clear();
}
