import { filterInstances, matchesAll, parseFilters, validateInstanceFilters, valueMatches, type Filter } from './filters';
import { maxResults, paginate, resolveInstances, type Ec2Action } from './request';
import type { Instance } from './instance';
import { reservationSetXml, stateXml } from './instance-xml';
import { itemSet } from './xml';

export const describeInstances: Ec2Action = (req) => {
  const { params, region, ctx } = req;
  const ids = params.list('InstanceId');
  const max = maxResults(req, ids);
  const filters = parseFilters(params);
  validateInstanceFilters(filters);
  const chosen = ids.length ? resolveInstances(region, ids).sort((a, b) => a.seq - b.seq) : undefined;
  const matching = chosen ? chosen.filter((i) => matchesAll(i, filters)) : filterInstances(region, filters);
  const { page, nextToken } = paginate(matching, 'di', max, params.get('NextToken'));
  return { reservationSet: reservationSetXml(page, ctx.accountId), nextToken };
};

type Status = 'ok' | 'initializing' | 'not-applicable';

function statusOf(inst: Instance, now: number, statusCheckMs: number): Status {
  if (inst.state !== 'running' || inst.runningSince === undefined) return 'not-applicable';
  return now - inst.runningSince >= statusCheckMs ? 'ok' : 'initializing';
}

function statusSummary(status: Status) {
  const reachability = status === 'ok' ? 'passed' : status === 'initializing' ? 'initializing' : undefined;
  return { status, details: reachability ? itemSet([{ name: 'reachability', status: reachability }]) : '' };
}

const STATUS_FILTERS: Record<string, (s: Status) => string> = {
  'instance-status.status': (s) => s,
  'system-status.status': (s) => s,
  'instance-status.reachability': (s) => (s === 'ok' ? 'passed' : s),
  'system-status.reachability': (s) => (s === 'ok' ? 'passed' : s),
};

export const describeInstanceStatus: Ec2Action = (req) => {
  const { params, region, ctx, now } = req;
  const ids = params.list('InstanceId');
  const max = maxResults(req, ids);
  const includeAll = params.bool('IncludeAllInstances') ?? false;
  const filters: Filter[] = parseFilters(params);
  const statusFilters = filters.filter((f) => f.name in STATUS_FILTERS);
  const plain = filters.filter((f) => !(f.name in STATUS_FILTERS));
  validateInstanceFilters(plain);
  const base = ids.length ? resolveInstances(region, ids).sort((a, b) => a.seq - b.seq) : [...region.instances.values()];
  const matching = base.filter((inst) => {
    if (!includeAll && inst.state !== 'running') return false;
    if (!matchesAll(inst, plain)) return false;
    const status = statusOf(inst, now, ctx.transitions.statusCheckMs);
    return statusFilters.every((f) => valueMatches(f.values, STATUS_FILTERS[f.name]!(status)));
  });
  const { page, nextToken } = paginate(matching, 'dis', max, params.get('NextToken'));
  const items = page.map((inst) => {
    const status = statusOf(inst, now, ctx.transitions.statusCheckMs);
    return {
      instanceId: inst.instanceId,
      availabilityZone: inst.availabilityZone,
      instanceState: stateXml(inst.state),
      systemStatus: statusSummary(status),
      instanceStatus: statusSummary(status),
      attachedEbsStatus: statusSummary(status),
      eventsSet: '',
    };
  });
  return { instanceStatusSet: itemSet(items), nextToken };
};
