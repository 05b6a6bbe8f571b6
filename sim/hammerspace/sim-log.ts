/** What the simulator itself did (deliveries, data copies, faults), for GET /_sim/log. */

export interface SimLogEntry {
  at: number;
  kind: string;
  [k: string]: unknown;
}

const MAX = 5000;

export class SimLog {
  items: SimLogEntry[] = [];

  add(kind: string, details: Record<string, unknown> = {}): void {
    this.items.push({ at: Date.now(), kind, ...details });
    if (this.items.length > MAX) this.items.splice(0, this.items.length - MAX);
  }

  clear(): void {
    this.items = [];
  }
}
