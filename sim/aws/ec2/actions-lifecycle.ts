import { SimError, missingParameter } from '../errors';
import { resolveInstances } from './request';
import { userInitiated, type Instance, type StateName } from './instance';
import { stateXml } from './instance-xml';
import type { Ec2Action, Ec2Request } from './request';
import { itemSet } from './xml';

type Verb = 'StartInstances' | 'StopInstances' | 'TerminateInstances';

const WORD: Record<Verb, string> = { StartInstances: 'started', StopInstances: 'stopped', TerminateInstances: 'terminated' };

/** For each current state: the state the call moves to, `same` (a harmless repeat), or `refuse`. */
const RULES: Record<Verb, Record<StateName, StateName | 'same' | 'refuse'>> = {
  StartInstances: { pending: 'same', running: 'same', stopping: 'refuse', stopped: 'pending', 'shutting-down': 'refuse', terminated: 'refuse' },
  StopInstances: { pending: 'refuse', running: 'stopping', stopping: 'same', stopped: 'same', 'shutting-down': 'refuse', terminated: 'refuse' },
  TerminateInstances: {
    pending: 'shutting-down',
    running: 'shutting-down',
    stopping: 'shutting-down',
    stopped: 'shutting-down',
    'shutting-down': 'same',
    terminated: 'same',
  },
};

/** Validates every instance before touching any, so a refused call changes nothing (as on AWS). */
function change(verb: Verb, req: Ec2Request) {
  const { params, region, ctx, now } = req;
  const ids = params.list('InstanceId');
  if (!ids.length) throw missingParameter('InstanceId');
  const instances = resolveInstances(region, ids);
  for (const inst of instances) {
    const rule = RULES[verb][inst.state];
    if (rule === 'refuse') {
      throw new SimError('IncorrectInstanceState', `The instance '${inst.instanceId}' is not in a state from which it can be ${WORD[verb]}.`);
    }
    if (verb === 'TerminateInstances' && rule !== 'same' && inst.disableApiTermination) {
      throw new SimError(
        'OperationNotPermitted',
        `The instance '${inst.instanceId}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`,
      );
    }
  }
  const moving = instances.filter((i) => RULES[verb][i.state] !== 'same').length;
  if (moving && !ctx.throttler.takeResources(region.name, verb, moving, now)) {
    throw new SimError('RequestResourceCountExceeded', 'Request resource count exceeded.', 503);
  }
  return instances.map((inst) => {
    const previous = inst.state;
    const rule = RULES[verb][inst.state];
    if (rule !== 'same' && rule !== 'refuse') apply(req, inst, rule);
    return { instanceId: inst.instanceId, currentState: stateXml(inst.state), previousState: stateXml(previous) };
  });
}

function apply({ region, now }: Ec2Request, inst: Instance, next: StateName): void {
  if (next === 'pending') {
    inst.stateReason = undefined;
    inst.transitionReason = '';
    if (inst.associatePublicIp) inst.publicIp = region.allocatePublicIp();
  } else {
    inst.transitionReason = userInitiated(now);
    inst.stateReason = { code: 'Client.UserInitiatedShutdown', message: 'Client.UserInitiatedShutdown: User initiated shutdown' };
  }
  region.setState(inst, next, now);
}

export const startInstances: Ec2Action = (req) => ({ instancesSet: itemSet(change('StartInstances', req)) });
export const stopInstances: Ec2Action = (req) => ({ instancesSet: itemSet(change('StopInstances', req)) });
export const terminateInstances: Ec2Action = (req) => ({ instancesSet: itemSet(change('TerminateInstances', req)) });
