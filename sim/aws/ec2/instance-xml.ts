import type { Instance } from './instance';
import { STATE_CODES, privateDnsName, publicDnsName } from './instance';
import { assembleItem, buildElements, buildItemFragment, isoTime, itemSet, tagSet } from './xml';
import { vcpusOf } from './catalog';

export function stateXml(state: Instance['state']) {
  return { code: STATE_CODES[state], name: state };
}

function networkInterface(inst: Instance, ownerId: string) {
  if (!inst.privateIp) return '';
  const eniId = `eni-${inst.instanceId.slice(2)}`;
  const association = inst.publicIp
    ? { publicIp: inst.publicIp, publicDnsName: publicDnsName(inst), ipOwnerId: 'amazon' }
    : undefined;
  return itemSet([
    {
      networkInterfaceId: eniId,
      subnetId: inst.subnetId,
      vpcId: inst.vpcId,
      ownerId,
      status: 'in-use',
      privateIpAddress: inst.privateIp,
      privateDnsName: privateDnsName(inst),
      sourceDestCheck: true,
      groupSet: itemSet(inst.securityGroups),
      attachment: { attachmentId: `eni-attach-${inst.instanceId.slice(2)}`, deviceIndex: 0, status: 'attached', deleteOnTermination: true },
      association,
      interfaceType: 'interface',
    },
  ]);
}

/** Fields fixed at launch: built once per instance. */
function staticPart(inst: Instance) {
  const vcpus = vcpusOf(inst.instanceType);
  return {
    instanceId: inst.instanceId,
    imageId: inst.imageId,
    keyName: inst.keyName,
    amiLaunchIndex: inst.amiLaunchIndex,
    productCodes: '',
    instanceType: inst.instanceType,
    launchTime: isoTime(inst.launchTime),
    placement: { availabilityZone: inst.availabilityZone, groupName: '', tenancy: 'default' },
    monitoring: { state: inst.monitoring ? 'enabled' : 'disabled' },
    subnetId: inst.subnetId,
    vpcId: inst.vpcId,
    sourceDestCheck: true,
    groupSet: itemSet(inst.securityGroups),
    architecture: 'x86_64',
    rootDeviceType: 'ebs',
    rootDeviceName: '/dev/sda1',
    blockDeviceMapping: '',
    virtualizationType: 'hvm',
    clientToken: inst.clientToken || undefined,
    hypervisor: 'xen',
    iamInstanceProfile: inst.iamInstanceProfile,
    ebsOptimized: inst.ebsOptimized,
    enaSupport: true,
    cpuOptions: { coreCount: Math.max(1, vcpus / 2), threadsPerCore: vcpus > 1 ? 2 : 1 },
    metadataOptions: { state: 'applied', httpTokens: 'required', httpPutResponseHopLimit: 2, httpEndpoint: 'enabled' },
    platformDetails: 'Linux/UNIX',
    usageOperation: 'RunInstances',
    bootMode: 'uefi-preferred',
    currentInstanceBootMode: 'uefi',
  };
}

/** Addresses change on start, stop and terminate only. */
function networkPart(inst: Instance, ownerId: string) {
  return {
    privateDnsName: privateDnsName(inst),
    dnsName: publicDnsName(inst),
    privateIpAddress: inst.privateIp,
    ipAddress: inst.publicIp,
    networkInterfaceSet: networkInterface(inst, ownerId),
  };
}

function statePart(inst: Instance) {
  return { instanceState: stateXml(inst.state), reason: inst.transitionReason, stateReason: inst.stateReason };
}

interface Part {
  key: string;
  xml: string;
}

function cachedPart(slot: Part | undefined, key: string, build: () => Record<string, unknown>): Part {
  return slot?.key === key ? slot : { key, xml: buildElements(build()) };
}

/**
 * An instance's `<item>`, shaped like EC2's DescribeInstances/RunInstances output. Building XML is
 * slow (~50 µs an instance), so the item is kept in parts that change at different times; a state
 * change rebuilds only the small state part and a 1,000-instance page stays in the milliseconds.
 */
export function instanceFragment(inst: Instance, ownerId: string): string {
  if (inst.xmlCache?.version === inst.version) return inst.xmlCache.xml;
  const parts = (inst.xmlParts ??= { static: buildElements(staticPart(inst)) });
  parts.net = cachedPart(parts.net, `${inst.privateIp}|${inst.publicIp}`, () => networkPart(inst, ownerId));
  parts.state = cachedPart(parts.state, `${inst.state}|${inst.transitionReason}|${inst.stateReason?.code}`, () => statePart(inst));
  parts.tags = cachedPart(parts.tags, String(inst.tagVersion), () => ({ tagSet: tagSet(inst.tags) }));
  inst.xmlCache = { version: inst.version, xml: assembleItem([parts.static, parts.state.xml, parts.net.xml, parts.tags.xml]) };
  return inst.xmlCache.xml;
}

function reservationKey(members: Instance[]): string {
  let key = '';
  for (const m of members) key += `${m.instanceId}@${m.version},`;
  return key;
}

/**
 * A page's `reservationSet` content: instances grouped by reservation in page order (pages count
 * instances, so a reservation may be split across pages). Each reservation's item is cached on its
 * first member, keyed by the members and their versions.
 */
export function reservationSetXml(instances: Instance[], ownerId: string): string {
  const groups = new Map<string, Instance[]>();
  for (const inst of instances) {
    const g = groups.get(inst.reservationId);
    if (g) g.push(inst);
    else groups.set(inst.reservationId, [inst]);
  }
  const parts: string[] = [];
  for (const [reservationId, members] of groups) {
    const first = members[0] as Instance;
    const key = reservationKey(members);
    if (first.reservationXmlCache?.key !== key) {
      const instancesSet = members.map((m) => instanceFragment(m, ownerId)).join('');
      first.reservationXmlCache = { key, xml: buildItemFragment({ reservationId, ownerId, groupSet: '', instancesSet }) };
    }
    parts.push(first.reservationXmlCache.xml);
  }
  return parts.join('');
}

/** RunInstances flattens its single reservation: the instancesSet content alone. */
export function instancesSetXml(instances: Instance[], ownerId: string): string {
  return instances.map((m) => instanceFragment(m, ownerId)).join('');
}
