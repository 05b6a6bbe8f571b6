/**
 * Everything the Anvils of one cluster share: configuration, the global namespace, the bus, the
 * site folders and the simulator's own log. One ticker drives deliveries, tasks and liveness.
 */
import path from 'node:path';
import type { Anvil } from './anvil';
import { Bus } from './bus';
import { ApiError } from './errors';
import { Federation } from './federation';
import { Liveness } from './liveness';
import { Replication } from './replication';
import { SiteFolders } from './site-files';

/** What the simulator itself did (deliveries, data copies, faults), for GET /_sim/log. */
export interface SimLogEntry {
  at: number;
  kind: string;
  [k: string]: unknown;
}

const MAX_LOG = 5000;

export class SimLog {
  items: SimLogEntry[] = [];

  add(kind: string, details: Record<string, unknown> = {}): void {
    this.items.push({ at: Date.now(), kind, ...details });
    if (this.items.length > MAX_LOG) this.items.splice(0, this.items.length - MAX_LOG);
  }

  clear(): void {
    this.items = [];
  }
}

export interface SimConfig {
  /** Time per task step (a task completes after about four steps). */
  taskStepMs: number;
  /** Idle time after which a login session answers 401 (the Anvil default is 1 hour). */
  sessionIdleMs: number;
  /** How long a participant stays SUSPECTED before it is DOWN (PdClusterView.gfsParticipantMaxSuspectedSec). */
  participantMaxSuspectedSec: number;
}

export const DEFAULT_CONFIG: SimConfig = { taskStepMs: 400, sessionIdleMs: 3_600_000, participantMaxSuspectedSec: 30 };

export class World {
  readonly anvils = new Map<string, Anvil>();
  readonly federation = new Federation();
  readonly bus: Bus;
  readonly replication: Replication;
  readonly folders: SiteFolders;
  readonly liveness: Liveness;
  readonly log = new SimLog();
  config: SimConfig;
  private timer?: NodeJS.Timeout;
  private lastSample = 0;

  constructor(
    readonly dataDir: string,
    readonly host: string,
    linkDelayMs: number,
    config: Partial<SimConfig> = {},
  ) {
    this.config = { ...DEFAULT_CONFIG, ...config };
    this.replication = new Replication(this);
    this.bus = new Bus(linkDelayMs, (r) => this.anvils.get(r)?.up ?? false, (l, c) => this.replication.deliver(l, c));
    this.folders = new SiteFolders(path.join(dataDir, 'sites'), (e) => this.replication.onFolderEvent(e));
    this.liveness = new Liveness(this);
  }

  anvil(region: string): Anvil {
    const a = this.anvils.get(region);
    if (!a) throw new ApiError(404, 'ENTITY_NOT_FOUND', `No simulated site for region ${region}`, [region]);
    return a;
  }

  /**
   * A remote site's address as a client would give it: host:port, a URL (with or without the
   * /mgmt/v1.2/rest path), the site name or the region.
   */
  resolveAddress(address: string): Anvil | undefined {
    const a = address.trim().replace(/\/+$/, '');
    for (const anvil of this.anvils.values()) {
      if (a === anvil.region || a === anvil.name || a === anvil.mgmtAddress) return anvil;
      if (a === anvil.origin || a === anvil.apiUrl) return anvil;
      if (a === `localhost:${anvil.port}` || a === `https://${anvil.mgmtAddress}`) return anvil;
    }
    return undefined;
  }

  start(): void {
    this.timer = setInterval(() => this.tick(), 25);
    this.timer.unref();
  }

  tick(now = Date.now()): void {
    this.bus.tick(now);
    for (const a of this.anvils.values()) a.tasks.tick(now);
    this.liveness.tick(now);
    if (now - this.lastSample >= 1000) {
      this.lastSample = now;
      this.liveness.sample();
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([...this.anvils.values()].map((a) => a.stop()));
    await this.folders.close();
    await this.replication.idle();
  }
}
