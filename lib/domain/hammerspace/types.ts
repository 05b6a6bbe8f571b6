/**
 * What the control plane knows of an Anvil, in its own words. The adapter (lib/adapters/hammerspace)
 * parses the Anvil's wire shapes into these; services and the UI never see a raw ShareView.
 */

/** A site as one Anvil lists it (itself, LOCAL, or a paired REMOTE site). */
export type TAnvilSite = {
  name: string;
  uuid: string;
  type: 'LOCAL' | 'REMOTE';
  /** host:port the Anvil advertises for management; how a peer is matched to one of our sites. */
  mgmtAddress: string | null;
};

/** The cluster state; `currentTimeMs` is the Anvil's own clock (for skew detection). */
export type TClusterState = { name: string; state: string; currentTimeMs: number | null };

export type TParticipantLatency = { sendSecs: number; receiveSecs: number; timestampMs: number | null };

/** One member site of a GFS share, as the viewing Anvil sees it. */
export type TShareParticipant = {
  /** the member's site name (the simulator and, as far as known, real Anvils use the site name). */
  name: string;
  participantId: number;
  shareName: string;
  operState: string;
  operStateReason: string | null;
  latency: TParticipantLatency | null;
};

export type TShare = {
  name: string;
  uuid: string;
  /** the export path in the global namespace, e.g. `/projects`. */
  path: string;
  state: string;
  participants: TShareParticipant[];
  latencyAlertThresholdSecs: number | null;
};

/** An objective definition on one Anvil. */
export type TObjectiveDefinition = {
  name: string;
  uuid: string | null;
  basic: boolean;
  expression: string | null;
  comment: string;
  extendedInfo: Record<string, string>;
};

export type TAppliedObjective = { objective: string; applicability: string };

/** The objectives of one share path: `local` are set on exactly that path, `applied` include inherited ones. */
export type TPathObjectives = {
  share: string;
  path: string;
  applied: TAppliedObjective[];
  local: TAppliedObjective[];
  active: string[];
};

export type TExpressionProblem = { line: number; column: number; message: string };
export type TExpressionCheck = { ok: boolean; errors: TExpressionProblem[] };

export type TReplicationDetails = {
  siteName: string | null;
  accessDependency: 'LOCAL' | 'REMOTE' | null;
  cachedCopy: boolean;
  dataPresentAt: string[];
};

/** A file or directory in the namespace; `children` only one level deep, as the Anvil answers. */
export type TFileNode = {
  name: string;
  path: string;
  isDirectory: boolean;
  size: number;
  modifiedMs: number | null;
  remote: boolean | null;
  replication: TReplicationDetails | null;
  objectives: string[];
  children: TFileNode[];
};

export type TAttribute = { name: string; type: string; value: unknown };

export const TASK_FAILURES = ['FAILED', 'CANCELLED', 'VALIDATION_FAILED', 'HALTED'] as const;

/** The end of an asynchronous Anvil task the adapter followed (failures are thrown, not returned). */
export type TTaskOutcome = {
  /** null when the Anvil answered 202 without telling which task (nothing to follow). */
  uuid: string | null;
  name: string | null;
  status: 'COMPLETED' | 'ACCEPTED';
  /** the uuid in ctxMap["entity-uoid"] ("Uoid [uuid=…, objectType=SHARE]"), when given. */
  entityUuid: string | null;
};

/** One Prometheus sample. */
export type TMetricSample = { name: string; labels: Record<string, string>; value: number };
