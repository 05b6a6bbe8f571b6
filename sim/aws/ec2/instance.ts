export type StateName = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

export const STATE_CODES: Record<StateName, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

/** A CPU level forced through the control API; with `from`, data exists for that window even if the
 * instance was not running then, so "idle for two hours" can be set up without waiting two hours. */
export interface CpuOverride {
  percent: number;
  from?: number;
  to?: number;
}

export interface Instance {
  instanceId: string;
  /** Launch order within the region; pages and NextToken follow it. */
  seq: number;
  region: string;
  reservationId: string;
  imageId: string;
  instanceType: string;
  keyName?: string;
  availabilityZone: string;
  subnetId: string;
  vpcId: string;
  securityGroups: Array<{ groupId: string; groupName: string }>;
  privateIp?: string;
  publicIp?: string;
  associatePublicIp: boolean;
  state: StateName;
  /** When the current transitional state completes (pending, stopping, shutting-down). */
  transitionAt?: number;
  stateReason?: { code: string; message: string };
  transitionReason: string;
  launchTime: number;
  /** When the instance last became running; status checks pass a little later. */
  runningSince?: number;
  terminatedAt?: number;
  tags: Map<string, string>;
  clientToken: string;
  amiLaunchIndex: number;
  iamInstanceProfile?: { arn: string; id: string };
  monitoring: boolean;
  ebsOptimized: boolean;
  disableApiTermination: boolean;
  /** Closed intervals [start, end) of running time, for the generated CPUUtilization series. */
  runs: Array<[number, number | undefined]>;
  cpu: CpuOverride[];
  /** Bumped on every change; the XML fragment cache keys on it. */
  version: number;
  /** Bumped on tag changes only, so the cached tag part of the XML survives state changes. */
  tagVersion: number;
  xmlCache?: { version: number; xml: string };
  xmlParts?: { static: string; net?: { key: string; xml: string }; state?: { key: string; xml: string }; tags?: { key: string; xml: string } };
  reservationXmlCache?: { key: string; xml: string };
}

export function ipDashed(ip: string): string {
  return ip.replaceAll('.', '-');
}

export function privateDnsName(inst: Instance): string {
  if (!inst.privateIp) return '';
  const domain = inst.region === 'us-east-1' ? 'ec2.internal' : `${inst.region}.compute.internal`;
  return `ip-${ipDashed(inst.privateIp)}.${domain}`;
}

export function publicDnsName(inst: Instance): string {
  if (!inst.publicIp) return '';
  const domain = inst.region === 'us-east-1' ? 'compute-1.amazonaws.com' : `${inst.region}.compute.amazonaws.com`;
  return `ec2-${ipDashed(inst.publicIp)}.${domain}`;
}

/** AWS's wording for state-transition reasons: "User initiated (2026-11-25 17:15:34 GMT)". */
export function userInitiated(now: number): string {
  const iso = new Date(now).toISOString();
  return `User initiated (${iso.slice(0, 10)} ${iso.slice(11, 19)} GMT)`;
}
