/**
 * The workstation vocabulary shared by the planner, the adapters and the services. Pure types: an
 * adapter turns EC2's answers into `ObservedInstance`, a query turns rows into `DesiredRow`.
 */
export const INSTANCE_STATES = ['pending', 'running', 'shutting-down', 'terminated', 'stopping', 'stopped'] as const;
export type InstanceState = (typeof INSTANCE_STATES)[number];

export const DESIRED_STATES = ['running', 'stopped', 'terminated'] as const;
export type DesiredState = (typeof DESIRED_STATES)[number];

/** What EC2 says about one instance, already parsed and validated. */
export type ObservedInstance = {
  instanceId: string;
  state: InstanceState;
  instanceType: string;
  privateIp: string | null;
  publicIp: string | null;
  publicDns: string | null;
  launchTime: Date | null;
  clientToken: string | null;
  tags: Record<string, string>;
};

/** The fields of a workstation row that only the reconciler writes. */
export type ObservedSnapshot = {
  observedState: string | null;
  instanceId: string | null;
  privateIp: string | null;
  dcvHost: string | null;
  launchedAt: Date | null;
  /** when the observed state last changed: "running since", "stopped since". */
  observedAt: Date | null;
  lost: boolean;
  lastErrorCode: string | null;
  lastError: string | null;
};

export type LaunchProfileSpec = {
  amiId: string;
  subnetId: string | null;
  securityGroupIds: string[];
  volumeSizeGb: number;
};

/** One workstation row as the planner sees it: intent, launch parameters and the last observation. */
export type DesiredRow = {
  id: string;
  name: string;
  desiredState: DesiredState;
  instanceType: string;
  clientToken: string;
  artistEmail: string | null;
  profile: LaunchProfileSpec | null;
  observed: ObservedSnapshot;
};

/** An orphan already recorded in the database (to write only when something about it changed). */
export type KnownOrphan = { instanceId: string; state: string; instanceType: string };

/** Everything RunInstances needs; identical on every retry so the ClientToken keeps it idempotent. */
export type LaunchRequest = {
  clientToken: string;
  imageId: string;
  instanceType: string;
  subnetId: string | null;
  securityGroupIds: string[];
  volumeSizeGb: number;
  tags: Array<[string, string]>;
};

export type WorkstationEventDraft = { kind: string; state: string | null; message: string };

export type ReconcileAction =
  | { kind: 'launch'; workstationId: string; request: LaunchRequest }
  | { kind: 'start' | 'stop' | 'terminate'; workstationId: string; instanceId: string }
  | { kind: 'observe'; workstationId: string; expected: ObservedSnapshot; next: ObservedSnapshot; event: WorkstationEventDraft | null }
  | { kind: 'mark-lost'; workstationId: string; expected: ObservedSnapshot; next: ObservedSnapshot; event: WorkstationEventDraft }
  | { kind: 'record-orphan'; instance: ObservedInstance; isNew: boolean }
  | { kind: 'forget-orphan'; instanceId: string };

export function isInstanceState(value: string): value is InstanceState {
  return (INSTANCE_STATES as readonly string[]).includes(value);
}
