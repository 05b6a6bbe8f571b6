/**
 * The replication bus: one FIFO queue per directed link (from → to). A change is applied at the
 * receiver once the link's delay has passed, provided the link is not paused and both Anvils are up.
 * `behindSecs` is the age of the oldest change not yet applied: the send_behind metric.
 */
import type { AttrVersion, FileVersion, LogicalShare } from './federation';

export interface Change {
  share: LogicalShare;
  file?: FileVersion;
  attr?: AttrVersion;
  /** Real time it was queued (delays are measured in real time). */
  enqueuedAt: number;
  /** The same moment on the sender's clock, for latencies a skewed receiver reports. */
  stampMs: number;
}

export interface Link {
  from: string;
  to: string;
  delayMs: number;
  paused: boolean;
  queue: Change[];
  sent: number;
  applied: number;
}

export class Bus {
  private readonly links = new Map<string, Link>();
  readonly delayOverrides = new Map<string, number>();

  constructor(
    public defaultDelayMs: number,
    private readonly isUp: (region: string) => boolean,
    private readonly deliver: (link: Link, change: Change) => void,
  ) {}

  link(from: string, to: string): Link {
    const key = `${from}>${to}`;
    let l = this.links.get(key);
    if (!l) {
      l = { from, to, delayMs: this.delayOverrides.get(key) ?? this.defaultDelayMs, paused: false, queue: [], sent: 0, applied: 0 };
      this.links.set(key, l);
    }
    return l;
  }

  all(): Link[] {
    return [...this.links.values()];
  }

  enqueue(from: string, to: string, change: Change): void {
    const l = this.link(from, to);
    l.queue.push(change);
    l.sent++;
  }

  blocked(l: Link): boolean {
    return l.paused || !this.isUp(l.from) || !this.isUp(l.to);
  }

  tick(now = Date.now()): void {
    for (const l of this.links.values()) {
      if (this.blocked(l)) continue;
      while (l.queue.length && (l.queue[0] as Change).enqueuedAt + l.delayMs <= now) {
        const c = l.queue.shift() as Change;
        l.applied++;
        this.deliver(l, c);
      }
    }
  }

  oldest(share: LogicalShare, from: string, to: string): Change | undefined {
    return this.links.get(`${from}>${to}`)?.queue.find((c) => c.share === share);
  }

  behindSecs(share: LogicalShare, from: string, to: string, now = Date.now()): number {
    const c = this.oldest(share, from, to);
    return c ? Math.max(0, (now - c.enqueuedAt) / 1000) : 0;
  }

  /** Forget queued changes of a share to or from a site (participant removed). */
  drop(share: LogicalShare, region: string): void {
    for (const l of this.links.values()) {
      if (l.from === region || l.to === region) l.queue = l.queue.filter((c) => c.share !== share);
    }
  }

  resetFaults(): void {
    this.delayOverrides.clear();
    for (const l of this.links.values()) {
      l.paused = false;
      l.delayMs = this.defaultDelayMs;
    }
  }
}
