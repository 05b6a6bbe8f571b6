import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { CreateTagsCommand, DescribeInstancesCommand, DescribeRegionsCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CloudWatchClient, ListMetricsCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { startAwsSimulator, type AwsSimulator } from '@/sim/aws/server';
import { awsErrorOf, signedEc2Call } from '@/sim/aws/harness';

// SigV4 is verified by recomputing the signature; keys, bodies and dates all matter.
let sim: AwsSimulator;
const clients: Array<{ destroy(): void }> = [];

function ec2With(accessKeyId: string, secretAccessKey: string, region = 'us-west-2') {
  const c = new EC2Client({ endpoint: sim.endpoint, region, credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });
  clients.push(c);
  return c;
}

beforeAll(async () => {
  sim = await startAwsSimulator({ extraKeys: [{ accessKeyId: 'AKIASECONDADMIN00001', secretAccessKey: 'second-secret' }] });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await sim.close();
});

async function rawSigned(opts: { signedBody: string; sentBody: string; date?: Date }) {
  const url = new URL(sim.endpoint);
  const signer = new SignatureV4({ credentials: { accessKeyId: sim.accessKeyId, secretAccessKey: sim.secretAccessKey }, region: 'us-west-2', service: 'ec2', sha256: Sha256 });
  const signed = await signer.sign(
    new HttpRequest({ method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/', headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded' }, body: opts.signedBody }),
    { signingDate: opts.date },
  );
  const res = await fetch(sim.endpoint, { method: 'POST', headers: signed.headers, body: opts.sentBody });
  return { status: res.status, body: await res.text() };
}

describe('EC2 authentication', () => {
  it('accepts the configured keys, in any region', async () => {
    expect((await ec2With(sim.accessKeyId, sim.secretAccessKey).send(new DescribeRegionsCommand({}))).Regions?.length).toBeGreaterThan(0);
    expect((await ec2With('AKIASECONDADMIN00001', 'second-secret', 'sa-east-1').send(new DescribeInstancesCommand({}))).Reservations).toEqual([]);
  });

  it('answers AuthFailure (401) for a wrong secret key and for an unknown access key', async () => {
    const wrongSecret = await awsErrorOf(ec2With(sim.accessKeyId, 'not-the-secret').send(new DescribeInstancesCommand({})));
    expect(wrongSecret.name).toBe('AuthFailure');
    expect(wrongSecret.$metadata?.httpStatusCode).toBe(401);
    const unknownKey = await awsErrorOf(ec2With('AKIAUNKNOWN000000000', sim.secretAccessKey).send(new DescribeInstancesCommand({})));
    expect(unknownKey.name).toBe('AuthFailure');
  });

  it('signs the body: a body changed after signing fails, the original passes', async () => {
    const body = 'Action=DescribeRegions&Version=2016-11-15';
    expect((await rawSigned({ signedBody: body, sentBody: body })).status).toBe(200);
    const tampered = await rawSigned({ signedBody: body, sentBody: 'Action=DescribeInstances&Version=2016-11-15' });
    expect(tampered.status).toBe(401);
    expect(tampered.body).toContain('<Code>AuthFailure</Code>');
  });

  it('refuses requests signed more than 15 minutes ago with RequestExpired', async () => {
    const body = 'Action=DescribeRegions&Version=2016-11-15';
    const old = await rawSigned({ signedBody: body, sentBody: body, date: new Date(Date.now() - 20 * 60_000) });
    expect(old.body).toContain('<Code>RequestExpired</Code>');
    const missing = await fetch(sim.endpoint, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(missing.status).toBe(401);
  });

  it('gives the read-only key Describe* but UnauthorizedOperation (403) on mutating calls', async () => {
    const ro = ec2With(sim.readOnlyAccessKeyId, sim.readOnlySecretAccessKey);
    await ro.send(new DescribeInstancesCommand({}));
    const run = await awsErrorOf(ro.send(new RunInstancesCommand({ ImageId: 'ami-0123456789abcdef0', MinCount: 1, MaxCount: 1 })));
    expect(run.name).toBe('UnauthorizedOperation');
    expect(run.$metadata?.httpStatusCode).toBe(403);
    const tag = await awsErrorOf(ro.send(new CreateTagsCommand({ Resources: ['i-0123456789abcdef0'], Tags: [{ Key: 'a', Value: 'b' }] })));
    expect(tag.name).toBe('UnauthorizedOperation');
  });

  it('answers DryRunOperation (412) when a permitted call carries DryRun', async () => {
    const err = await awsErrorOf(
      ec2With(sim.accessKeyId, sim.secretAccessKey).send(new RunInstancesCommand({ ImageId: 'ami-0123456789abcdef0', MinCount: 1, MaxCount: 1, DryRun: true })),
    );
    expect(err.name).toBe('DryRunOperation');
    expect(err.$metadata?.httpStatusCode).toBe(412);
    const raw = await signedEc2Call(sim, 'us-west-2', { Action: 'DescribeInstances' });
    expect(raw.body).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><DescribeInstancesResponse xmlns="http:\/\/ec2\.amazonaws\.com\/doc\/2016-11-15\/"><requestId>/);
  });
});

describe('CloudWatch authentication', () => {
  const cwWith = (accessKeyId: string, secretAccessKey: string) => {
    const c = new CloudWatchClient({ endpoint: sim.endpoint, region: 'eu-central-1', credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });
    clients.push(c);
    return c;
  };

  it('answers SignatureDoesNotMatch / InvalidClientTokenId as CloudWatch does, and AccessDenied for read-only writes', async () => {
    await cwWith(sim.accessKeyId, sim.secretAccessKey).send(new ListMetricsCommand({}));
    expect((await awsErrorOf(cwWith(sim.accessKeyId, 'wrong').send(new ListMetricsCommand({})))).name).toBe('SignatureDoesNotMatch');
    expect((await awsErrorOf(cwWith('AKIAUNKNOWN000000000', 'x').send(new ListMetricsCommand({})))).name).toBe('InvalidClientTokenId');
    const ro = cwWith(sim.readOnlyAccessKeyId, sim.readOnlySecretAccessKey);
    await ro.send(new ListMetricsCommand({}));
    const denied = await awsErrorOf(ro.send(new PutMetricDataCommand({ Namespace: 'X', MetricData: [{ MetricName: 'm', Value: 1 }] })));
    expect(denied.Code).toBe('AccessDenied');
    expect(denied.$metadata?.httpStatusCode).toBe(403);
  });
});
