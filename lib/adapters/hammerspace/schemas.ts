/**
 * The Anvil's wire shapes (Swagger "sys-mgmt API v1.2"), parsed leniently: only the fields the control
 * plane reads, most of them optional, because releases differ (5.2 vs 5.3) and a missing cosmetic field
 * must not break a reconcile. Each `to…` function turns a view into the domain type.
 */
import { z } from 'zod';
import type {
  TAnvilSite, TAttribute, TClusterState, TExpressionCheck, TFileNode, TObjectiveDefinition, TPathObjectives, TShare, TShareParticipant,
} from '@/lib/domain/hammerspace/types';

const ZUoid = z.object({ uuid: z.string().optional() }).nullish();
const ZStrMap = z.record(z.string(), z.unknown()).nullish();
const strMap = (m: Record<string, unknown> | null | undefined) => Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [k, String(v)]));

export const ZSiteView = z.object({
  uoid: ZUoid, name: z.string(), type: z.string().nullish(), mgmtAddress: z.string().nullish(), siteMgmtAddress: z.string().nullish(),
});
export const toSite = (s: z.infer<typeof ZSiteView>): TAnvilSite => ({
  name: s.name, uuid: s.uoid?.uuid ?? s.name, type: s.type === 'REMOTE' ? 'REMOTE' : 'LOCAL', mgmtAddress: s.mgmtAddress ?? s.siteMgmtAddress ?? null,
});

export const ZClusterView = z.object({ name: z.string().nullish(), state: z.string().nullish(), currentTimeMs: z.number().nullish() });
export const toCluster = (c: z.infer<typeof ZClusterView>): TClusterState => ({ name: c.name ?? '', state: c.state ?? 'UNKNOWN', currentTimeMs: c.currentTimeMs ?? null });

export const ZParticipantView = z.object({
  name: z.string().nullish(),
  participantId: z.number().nullish(),
  shareName: z.string().nullish(),
  operState: z.string().nullish(),
  operStateReason: z.string().nullish(),
  latency: z.object({ sendLatencySecs: z.number().nullish(), receiveLatencySecs: z.number().nullish(), timestamp: z.number().nullish() }).nullish(),
});
export const toParticipant = (p: z.infer<typeof ZParticipantView>, share = ''): TShareParticipant => ({
  name: p.name ?? '',
  participantId: p.participantId ?? 0,
  shareName: p.shareName ?? share,
  operState: p.operState ?? 'UNKNOWN',
  operStateReason: p.operStateReason || null,
  latency: p.latency ? { sendSecs: p.latency.sendLatencySecs ?? 0, receiveSecs: p.latency.receiveLatencySecs ?? 0, timestampMs: p.latency.timestamp ?? null } : null,
});

export const ZShareView = z.object({
  uoid: ZUoid, name: z.string(), path: z.string().nullish(), shareState: z.string().nullish(),
  shareParticipants: z.array(ZParticipantView).nullish(), replicationLatencyAlertThreshold: z.number().nullish(),
});
export const toShare = (s: z.infer<typeof ZShareView>): TShare => ({
  name: s.name,
  uuid: s.uoid?.uuid ?? s.name,
  path: s.path ?? `/${s.name}`,
  state: s.shareState ?? 'UNKNOWN',
  participants: (s.shareParticipants ?? []).map((p) => toParticipant(p, s.name)),
  latencyAlertThresholdSecs: s.replicationLatencyAlertThreshold ?? null,
});

export const ZObjectiveView = z.object({
  uoid: ZUoid, name: z.string(), basic: z.boolean().nullish(), expression: z.string().nullish(), comment: z.string().nullish(), extendedInfo: ZStrMap,
});
export const toObjective = (o: z.infer<typeof ZObjectiveView>): TObjectiveDefinition => ({
  name: o.name, uuid: o.uoid?.uuid ?? null, basic: o.basic ?? !o.expression, expression: o.expression ?? null, comment: o.comment ?? '', extendedInfo: strMap(o.extendedInfo),
});

const ZApplied = z.object({ objective: z.object({ name: z.string() }).nullish(), applicability: z.string().nullish() });
export const ZPathObjectivesView = z.object({
  shareName: z.string().nullish(), path: z.string().nullish(),
  appliedObjectives: z.array(ZApplied).nullish(), appliedLocalObjectives: z.array(ZApplied).nullish(), activeObjectives: z.array(z.object({ name: z.string() })).nullish(),
});
const applied = (list: z.infer<typeof ZApplied>[] | null | undefined) =>
  (list ?? []).filter((a) => a.objective?.name).map((a) => ({ objective: a.objective?.name ?? '', applicability: a.applicability ?? 'TRUE' }));
export const toPathObjectives = (v: z.infer<typeof ZPathObjectivesView>, share: string, path: string): TPathObjectives => ({
  share: v.shareName ?? share, path: v.path ?? path, applied: applied(v.appliedObjectives), local: applied(v.appliedLocalObjectives), active: (v.activeObjectives ?? []).map((o) => o.name),
});

export const ZHammerscriptView = z.object({
  ok: z.boolean().nullish(), result: z.number().nullish(),
  errors: z.array(z.object({ line: z.number().nullish(), column: z.number().nullish(), message: z.string().nullish() })).nullish(),
});
export const toExpressionCheck = (v: z.infer<typeof ZHammerscriptView>): TExpressionCheck => {
  const errors = (v.errors ?? []).map((e) => ({ line: e.line ?? 1, column: e.column ?? 1, message: e.message ?? 'invalid expression' }));
  return { ok: (v.ok ?? v.result === 0) && errors.length === 0, errors };
};

type TFsNodeView = {
  name?: string | null; path?: string | null; size?: number | null; isDirectory?: boolean | null; type?: string | null; lastModified?: number | null;
  remote?: boolean | null; objectives?: unknown[] | null; children?: TFsNodeView[] | null;
  replicationDetails?: { siteName?: string | null; accessDependency?: string | null; cachedCopy?: boolean | null; dataPresentAt?: string[] | null } | null;
};
export const ZFsNodeView: z.ZodType<TFsNodeView> = z.lazy(() =>
  z.object({
    name: z.string().nullish(), path: z.string().nullish(), size: z.number().nullish(), isDirectory: z.boolean().nullish(), type: z.string().nullish(),
    lastModified: z.number().nullish(), remote: z.boolean().nullish(), objectives: z.array(z.unknown()).nullish(), children: z.array(ZFsNodeView).nullish(),
    replicationDetails: z.object({ siteName: z.string().nullish(), accessDependency: z.string().nullish(), cachedCopy: z.boolean().nullish(), dataPresentAt: z.array(z.string()).nullish() }).nullish(),
  }),
);
export function toFileNode(v: TFsNodeView): TFileNode {
  const r = v.replicationDetails;
  const dep = r?.accessDependency === 'LOCAL' || r?.accessDependency === 'REMOTE' ? r.accessDependency : null;
  return {
    name: v.name ?? '',
    path: v.path ?? '',
    isDirectory: v.isDirectory ?? v.type === 'DIRECTORY',
    size: v.size ?? 0,
    modifiedMs: v.lastModified ?? null,
    remote: v.remote ?? null,
    replication: r ? { siteName: r.siteName ?? null, accessDependency: dep, cachedCopy: r.cachedCopy ?? false, dataPresentAt: r.dataPresentAt ?? [] } : null,
    objectives: (v.objectives ?? []).map((o) => (typeof o === 'string' ? o : String((o as { name?: unknown })?.name ?? ''))).filter(Boolean),
    children: (v.children ?? []).map(toFileNode),
  };
}

export const ZAttributeView = z.object({ name: z.string(), type: z.string().nullish(), value: z.unknown() });
export const toAttribute = (a: z.infer<typeof ZAttributeView>): TAttribute => ({ name: a.name, type: a.type ?? 'STRING', value: a.value ?? null });
