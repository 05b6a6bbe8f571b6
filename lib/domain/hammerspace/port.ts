/**
 * The port through which services talk to one site's Anvil. `lib/adapters/hammerspace` implements it
 * over the Anvil REST API (one session per site); services depend on this interface only.
 * Every method throws `AppError` (UPSTREAM, UNAVAILABLE, TIMEOUT or VALIDATION) with the Anvil's message.
 */
import type {
  TAnvilSite,
  TAttribute,
  TClusterState,
  TExpressionCheck,
  TFileNode,
  TMetricSample,
  TObjectiveDefinition,
  TPathObjectives,
  TShare,
  TShareParticipant,
  TTaskOutcome,
} from './types';

export type TObjectiveInput = { name: string; expression: string; comment?: string; extendedInfo?: Record<string, string> };

export interface AnvilPort {
  /** "Studio East's Anvil": how errors name this endpoint. */
  readonly label: string;

  localSite(): Promise<TAnvilSite>;
  clusterState(): Promise<TClusterState>;
  listSites(): Promise<TAnvilSite[]>;
  addRemoteSite(input: { address: string; username?: string; password?: string; trustClientCert?: boolean }): Promise<TAnvilSite>;

  listShares(): Promise<TShare[]>;
  getShare(name: string): Promise<TShare>;
  createShare(input: { name: string; path?: string; comment?: string }): Promise<TTaskOutcome>;
  deleteShare(name: string): Promise<TTaskOutcome>;
  listParticipants(): Promise<TShareParticipant[]>;
  addParticipant(input: { share: string; site: string; username: string; password: string }): Promise<TTaskOutcome>;
  removeParticipant(input: { share: string; site: string; ignoreRemoveFailures?: boolean }): Promise<TTaskOutcome>;

  listObjectives(): Promise<TObjectiveDefinition[]>;
  /** null when the Anvil has no objective by that name. */
  getObjective(name: string): Promise<TObjectiveDefinition | null>;
  createObjective(input: TObjectiveInput): Promise<TObjectiveDefinition>;
  updateObjective(input: TObjectiveInput): Promise<TObjectiveDefinition>;
  deleteObjective(name: string): Promise<void>;
  validateExpression(expression: string): Promise<TExpressionCheck>;

  pathObjectives(share: string, path: string): Promise<TPathObjectives>;
  setObjective(share: string, path: string, objective: string, applicability?: string): Promise<TPathObjectives>;
  unsetObjective(share: string, path: string, objective: string): Promise<TPathObjectives>;

  /** A namespace path (`/projects/show/...`); missing paths throw (the Anvil answers 500, not 404). */
  files(path: string, opts?: { replicationDetails?: boolean }): Promise<TFileNode>;
  getAttributes(share: string, path: string): Promise<TAttribute[]>;
  setAttribute(share: string, path: string, attribute: TAttribute): Promise<TAttribute>;

  /** Prometheus samples from the Anvil's exporter. */
  metrics(): Promise<TMetricSample[]>;
}
