import type { Zone } from './catalog';
import type { Instance } from './instance';
import type { LaunchTemplate } from './state';
import type { Ec2Request } from './request';

export interface LaunchPlan {
  count: number;
  token: string;
  imageId: string;
  instanceType: string;
  tags: Array<[string, string]>;
  net: { subnetId: string; zone: Zone; vpcId: string; isDefault: boolean; associate: boolean };
  groups: Array<{ groupId: string; groupName: string }>;
  template?: LaunchTemplate;
}

/** Creates the instances of one reservation in `pending`; the region's clock takes them to running. */
export function placeInstances(req: Ec2Request, plan: LaunchPlan): Instance[] {
  const { ctx, region, params, now } = req;
  const reservationId = ctx.newId('r');
  const data = plan.template?.data;
  const profile = params.struct('IamInstanceProfile') ?? undefined;
  const profileArn = profile?.get('Arn') ?? data?.iamInstanceProfile?.arn;
  const profileName = profile?.get('Name') ?? data?.iamInstanceProfile?.name;
  const iamInstanceProfile =
    profileArn || profileName
      ? { arn: profileArn ?? `arn:aws:iam::${ctx.accountId}:instance-profile/${profileName}`, id: `AIPA${ctx.rng.hex(17).toUpperCase()}` }
      : undefined;
  const out: Instance[] = [];
  for (let i = 0; i < plan.count; i++) {
    const inst: Instance = {
      instanceId: ctx.newId('i'),
      seq: region.nextSeq++,
      region: region.name,
      reservationId,
      imageId: plan.imageId,
      instanceType: plan.instanceType,
      keyName: params.get('KeyName') ?? data?.keyName,
      availabilityZone: plan.net.zone.zoneName,
      subnetId: plan.net.subnetId,
      vpcId: plan.net.vpcId,
      securityGroups: plan.groups,
      privateIp: region.allocatePrivateIp(plan.net.subnetId, plan.net.zone.index, plan.net.isDefault),
      publicIp: plan.net.associate ? region.allocatePublicIp() : undefined,
      associatePublicIp: plan.net.associate,
      state: 'pending',
      transitionReason: '',
      launchTime: now,
      tags: new Map(),
      clientToken: plan.token,
      amiLaunchIndex: i,
      iamInstanceProfile,
      monitoring: params.struct('Monitoring')?.bool('Enabled') ?? data?.monitoring ?? false,
      ebsOptimized: params.bool('EbsOptimized') ?? data?.ebsOptimized ?? false,
      disableApiTermination: params.bool('DisableApiTermination') ?? data?.disableApiTermination ?? false,
      runs: [],
      cpu: [],
      version: 0,
      tagVersion: 0,
    };
    region.add(inst);
    for (const [k, v] of plan.tags) region.setTag(inst, k, v);
    region.setState(inst, 'pending', now);
    out.push(inst);
  }
  return out;
}
