/** Wire shapes for shares and what hangs off them: participants, objectives, tasks, events. */
import type { Anvil } from './anvil';
import { applies } from './expression-eval';
import type { LogicalShare, Member } from './federation';
import { uoid, type EventEntity, type ObjectiveEntity, type ShareEntity } from './model';
import { participantUuid } from './liveness';
import { effectiveApplications, fileContext } from './placement';
import { SHARED_BUCKET, base } from './shapes';
import type { TaskEntity } from './tasks';
import type { World } from './world';

export function objectiveView(o: ObjectiveEntity) {
  return {
    ...o.extra,
    ...base(o.uuid, 'OBJECTIVE', o.created, o.modified),
    extendedInfo: o.extendedInfo,
    comment: o.comment,
    internalId: o.internalId,
    name: o.name,
    zombie: false,
    hidden: false,
    basic: o.basic,
    expression: o.expression ?? null,
    appliedObjectives: o.appliedObjectives.map((a) => ({ objective: { name: a.objective }, applicability: a.applicability })),
    techPreview: false,
  };
}

export function participantView(world: World, viewer: Anvil, L: LogicalShare, m: Member, share: ShareEntity) {
  const peer = world.anvils.get(m.region);
  const state = world.liveness.operState(viewer.region, m.region);
  const link = world.bus.link(viewer.region, m.region);
  const reason = state === 'UP' ? '' : !peer?.up ? 'Remote site unreachable' : 'Replication link interrupted';
  return {
    ...base(participantUuid(viewer.region, L, m.region), 'SHARE_PARTICIPANT', m.created),
    comment: m.comment,
    extendedInfo: m.extendedInfo,
    name: peer?.name ?? m.region,
    internalId: m.participantId,
    remoteShareInternalId: peer?.shareByLogical(L.uuid)?.internalId ?? 0,
    participantId: m.participantId,
    updateInterval: Math.max(1, Math.ceil(link.delayMs / 1000)),
    operState: state,
    adminState: m.adminState,
    operStateReason: reason,
    objectStorageVolumesCsv: SHARED_BUCKET,
    shareInternalId: share.internalId,
    shareName: share.name,
    latency: world.liveness.latency(viewer, L, m.region),
  };
}

export function participantViews(world: World, viewer: Anvil, share: ShareEntity) {
  const L = world.federation.get(share.logicalUuid);
  if (!L?.isGlobal()) return [];
  return [...L.members.values()].map((m) => participantView(world, viewer, L, m, share));
}

export function pathObjectives(anvil: Anvil, share: ShareEntity, rel: string) {
  const ctx = fileContext(anvil, share, { path: rel, size: 0, mtimeMs: anvil.now(), origin: anvil.region }, false);
  const render = (a: { id: number; objective: string; applicability: string }) => {
    const o = anvil.objective(a.objective);
    return { id: a.id, objective: o ? objectiveView(o) : { name: a.objective }, applicability: a.applicability };
  };
  const applied = effectiveApplications(share, rel);
  return {
    appliedObjectives: applied.map(render),
    appliedLocalObjectives: share.applications.filter((a) => a.path === rel).map(render),
    activeObjectives: applied
      .filter((a) => applies(a.applicability, ctx))
      .map((a) => anvil.objective(a.objective))
      .filter((o): o is ObjectiveEntity => Boolean(o))
      .map(objectiveView),
  };
}

export function shareView(world: World, anvil: Anvil, share: ShareEntity) {
  const L = world.federation.get(share.logicalUuid);
  const files = L ? L.liveFiles(anvil.region) : [];
  const used = files.filter((f) => L?.hasData(anvil.region, f.path)).reduce((n, f) => n + f.size, 0);
  const total = share.shareSizeLimit || 100 * 1024 ** 4;
  const percent = total ? Math.round((used / total) * 100) : 0;
  const objectives = pathObjectives(anvil, share, '/');
  return {
    ...base(share.uuid, 'SHARE', share.created, share.modified),
    comment: share.comment,
    extendedInfo: share.extendedInfo,
    name: share.name,
    path: share.path,
    internalId: share.internalId,
    shareState: share.state,
    shareLifecycle: share.lifecycle,
    exportOptions: share.exportOptions,
    shareObjectives: objectives.appliedLocalObjectives.map((a) => ({ objective: a.objective, applicability: a.applicability, removable: true })),
    objectives,
    shareParticipants: participantViews(world, anvil, share),
    isOrWasReplicated: Boolean(L?.isGlobal()),
    participantId: L?.members.get(anvil.region)?.participantId ?? 0,
    nextParticipantId: L?.nextParticipantId ?? 1,
    replicationLatencyAlertThreshold: share.replicationLatencyAlertThreshold,
    logicalShareUuid: share.logicalUuid,
    shareSizeLimit: share.shareSizeLimit,
    warnUtilizationPercentThreshold: share.warnUtilizationPercentThreshold,
    utilizationState: share.shareSizeLimit && used > share.shareSizeLimit ? 'OVER_QUOTA' : 'NORMAL',
    space: { total, used, available: Math.max(0, total - used), percent },
    inodes: { total: 1_000_000_000, used: files.length, available: 1_000_000_000 - files.length, percent: 0 },
    totalNumberOfFiles: files.length,
    numberOfOpenFiles: 0,
    scheduledPurgeTime: share.scheduledPurgeTime ?? null,
    volumes: [],
    smbBrowsable: share.smbBrowsable,
    stats: [],
  };
}

export function taskView(t: TaskEntity) {
  return {
    uuid: t.uuid,
    uoid: uoid(t.uuid, 'TASK'),
    name: t.name,
    status: t.status,
    statusMessage: t.statusMessage,
    created: t.created,
    started: t.started ?? null,
    ended: t.ended ?? null,
    duration: t.ended !== undefined && t.started !== undefined ? t.ended - t.started : null,
    progress: t.progress,
    paramsMap: t.paramsMap,
    ctxMap: t.ctxMap,
    hidden: false,
    resumedFromId: t.resumedFromId ?? null,
    subTasks: [],
  };
}

export function eventView(e: EventEntity) {
  return {
    uoid: uoid(e.uuid, 'EVENT'),
    sequence: e.sequence,
    type: e.type,
    sourceId: uoid(e.source.uuid, e.source.objectType),
    sourceName: e.source.name,
    severity: e.severity,
    params: e.params,
    created: e.created,
    cleared: e.cleared,
    clearTime: e.clearTime ?? null,
    clearReason: e.clearReason ?? null,
    count: e.count,
    activity: '',
    createdByName: 'system',
  };
}
