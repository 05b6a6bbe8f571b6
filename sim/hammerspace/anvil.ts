/**
 * One site's Anvil: its entities, sessions, tasks, events and faults, and the listening socket.
 * Taking it down really closes the socket (clients see ECONNREFUSED); bringing it back listens on
 * the same port with the state untouched.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Sessions } from './auth';
import { EventLog } from './events';
import { stableUuid, type CallRecord, type ObjectiveEntity, type ShareEntity, type SiteSpec, type SourceRef, type UserAccount } from './model';
import { findById } from './list';
import { TaskEngine } from './tasks';
import type { World } from './world';

export interface ErrorMode {
  status: number;
  errorCode: string;
  message: string;
  /** How many more calls fail; undefined = until cleared. */
  remaining?: number;
}

const SYSTEM_OBJECTIVES = [
  'keep-online', 'place-on-local-volumes', 'place-on-shared-object-volumes', 'do-not-move', 'optimize-for-capacity',
  'durability-3-nines', 'availability-1-nine', 'sync-metadata',
];

const MAX_CALLS = 5000;

export class Anvil {
  name: string;
  readonly siteUuid: string;
  readonly clusterUuid: string;
  readonly users: UserAccount[];
  readonly sessions: Sessions;
  readonly shares: ShareEntity[] = [];
  readonly objectives: ObjectiveEntity[] = [];
  readonly tasks: TaskEngine;
  readonly events: EventLog;
  readonly remoteSites = new Set<string>();
  readonly calls: CallRecord[] = [];
  readonly counters = new Map<string, number>();
  readonly createdAt = Date.now();
  comment = '';
  physicalLocation: Record<string, unknown>;
  skewMs = 0;
  errorMode?: ErrorMode;
  port = 0;
  up = false;
  private server?: http.Server;
  private readonly sockets = new Set<Socket>();
  private idSeq = 1;

  constructor(
    readonly world: World,
    readonly spec: SiteSpec,
    private readonly handler: (anvil: Anvil) => http.RequestListener,
  ) {
    this.name = spec.name;
    this.siteUuid = stableUuid(`site:${spec.region}`);
    this.clusterUuid = stableUuid(`cluster:${spec.region}`);
    this.physicalLocation = { dataCenter: spec.region };
    this.users = [
      { username: spec.username ?? 'admin', password: spec.password ?? defaultPassword(spec.region), role: 'admin' },
      { username: spec.viewerUsername ?? 'viewer', password: spec.viewerPassword ?? defaultPassword(spec.region, 'viewer'), role: 'viewer' },
    ];
    this.sessions = new Sessions(() => this.users, () => world.config.sessionIdleMs);
    this.tasks = new TaskEngine(() => this.now(), () => world.config.taskStepMs);
    this.events = new EventLog(() => this.now());
    const t = this.now();
    for (const name of SYSTEM_OBJECTIVES) {
      this.objectives.push({
        uuid: stableUuid(`objective:${spec.region}:${name}`), internalId: this.nextId(), name, comment: '', basic: true,
        appliedObjectives: [], extendedInfo: {}, created: t, modified: t, system: true, extra: {},
      });
    }
  }

  get region(): string {
    return this.spec.region;
  }

  /** This site's clock, skew included: every time it reports comes from here. */
  now(): number {
    return Date.now() + this.skewMs;
  }

  nextId(): number {
    return this.idSeq++;
  }

  get mgmtAddress(): string {
    return `${this.world.host}:${this.port}`;
  }

  get origin(): string {
    return `http://${this.world.host}:${this.port}`;
  }

  get apiUrl(): string {
    return `${this.origin}/mgmt/v1.2/rest`;
  }

  get source(): SourceRef {
    return { uuid: this.clusterUuid, objectType: 'CLUSTER', name: this.name };
  }

  share(id: string): ShareEntity | undefined {
    return findById(this.shares, id);
  }

  shareByLogical(logicalUuid: string): ShareEntity | undefined {
    return this.shares.find((s) => s.logicalUuid === logicalUuid && s.state !== 'REMOVED');
  }

  objective(name: string): ObjectiveEntity | undefined {
    return findById(this.objectives, name);
  }

  recordCall(c: CallRecord): void {
    this.calls.push(c);
    if (this.calls.length > MAX_CALLS) this.calls.splice(0, this.calls.length - MAX_CALLS);
    const key = `${c.method} ${c.route}`;
    this.counters.set(key, (this.counters.get(key) ?? 0) + 1);
  }

  async start(port: number): Promise<void> {
    if (this.up) return;
    const server = http.createServer(this.handler(this));
    server.keepAliveTimeout = 2000;
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.world.host, () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    this.up = true;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.up = false;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    server.closeAllConnections();
    await closed;
  }
}

export function defaultPassword(region: string, user = 'admin'): string {
  return `hs-${region}-${user}`;
}
