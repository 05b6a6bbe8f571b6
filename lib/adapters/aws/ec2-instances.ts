/**
 * The EC2 calls the workstation reconciler makes. Observation is one server-side-filtered, paginated
 * DescribeInstances per region (pages of 1,000, the most EC2 allows); every mutating call is
 * idempotent: RunInstances by ClientToken, start/stop/terminate by EC2's own rules.
 */
import {
  DescribeInstancesCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type Filter,
} from '@aws-sdk/client-ec2';
import { TAG_MANAGED } from '@/lib/domain/workstations/tags';
import type { InstanceState, LaunchRequest, ObservedInstance } from '@/lib/domain/workstations/types';
import { withBackoff, type BackoffOptions } from './backoff';
import { ec2Client } from './clients';
import { parseDescribePage, parseLaunched, parseStateChanges } from './ec2-parse';

export const DESCRIBE_PAGE_SIZE = 1000;

/** Terminated instances linger in Describe for an hour; leaving them out keeps pages small. */
const LIVE_STATES = ['pending', 'running', 'stopping', 'stopped', 'shutting-down'];

export type DescribeStats = { pages: number; retries: number };

export async function describeManagedInstances(region: string, opts: BackoffOptions = {}): Promise<{ instances: ObservedInstance[]; stats: DescribeStats }> {
  const client = ec2Client(region);
  const Filters: Filter[] = [
    { Name: `tag:${TAG_MANAGED}`, Values: ['true'] },
    { Name: 'instance-state-name', Values: LIVE_STATES },
  ];
  const instances: ObservedInstance[] = [];
  const stats: DescribeStats = { pages: 0, retries: 0 };
  let NextToken: string | undefined;
  do {
    // A failed page is retried with the same NextToken: the pages already read are kept.
    const out = await withBackoff(`DescribeInstances in ${region}`, () => client.send(new DescribeInstancesCommand({ Filters, MaxResults: DESCRIBE_PAGE_SIZE, NextToken })), {
      ...opts,
      onRetry: (err, n) => {
        stats.retries++;
        opts.onRetry?.(err, n);
      },
    });
    stats.pages++;
    stats.retries += Math.max(0, (out.$metadata.attempts ?? 1) - 1);
    const page = parseDescribePage(out);
    instances.push(...page.instances);
    NextToken = page.nextToken;
  } while (NextToken);
  return { instances, stats };
}

export async function runInstance(region: string, req: LaunchRequest, opts: BackoffOptions = {}): Promise<ObservedInstance> {
  const Tags = req.tags.map(([Key, Value]) => ({ Key, Value }));
  const command = new RunInstancesCommand({
    ClientToken: req.clientToken,
    ImageId: req.imageId,
    InstanceType: req.instanceType as never,
    MinCount: 1,
    MaxCount: 1,
    SubnetId: req.subnetId ?? undefined,
    SecurityGroupIds: req.securityGroupIds.length ? req.securityGroupIds : undefined,
    BlockDeviceMappings: [{ DeviceName: '/dev/sda1', Ebs: { VolumeSize: req.volumeSizeGb, VolumeType: 'gp3', DeleteOnTermination: true } }],
    TagSpecifications: [
      { ResourceType: 'instance', Tags },
      { ResourceType: 'volume', Tags },
    ],
  });
  const out = await withBackoff(`RunInstances in ${region}`, () => ec2Client(region).send(command), opts);
  return parseLaunched(out);
}

export type StateChange = { instanceId: string; state: InstanceState };
export type LifecycleVerb = 'start' | 'stop' | 'terminate';

/** One call for many instances (EC2 takes up to 1,000 ids); the caller splits a refused batch. */
export async function changeInstanceStates(region: string, verb: LifecycleVerb, instanceIds: string[], opts: BackoffOptions = {}): Promise<StateChange[]> {
  const client = ec2Client(region);
  const InstanceIds = instanceIds;
  if (verb === 'start') {
    const out = await withBackoff(`StartInstances in ${region}`, () => client.send(new StartInstancesCommand({ InstanceIds })), opts);
    return parseStateChanges('StartInstances', out.StartingInstances);
  }
  if (verb === 'stop') {
    const out = await withBackoff(`StopInstances in ${region}`, () => client.send(new StopInstancesCommand({ InstanceIds })), opts);
    return parseStateChanges('StopInstances', out.StoppingInstances);
  }
  const out = await withBackoff(`TerminateInstances in ${region}`, () => client.send(new TerminateInstancesCommand({ InstanceIds })), opts);
  return parseStateChanges('TerminateInstances', out.TerminatingInstances);
}
