/**
 * What each site believes about its peers: participant operState (UP, then SUSPECTED when a link
 * is paused or a peer is down, DOWN after gfsParticipantMaxSuspectedSec), replication latency in
 * that site's own clock, the latency history behind /reports, and the events these raise.
 */
import type { Anvil } from './anvil';
import type { LogicalShare } from './federation';
import { stableUuid } from './model';
import type { World } from './world';

export type OperState = 'UP' | 'SUSPECTED' | 'DOWN';

export interface Latency {
  timestamp: number;
  sendLatencySecs: number;
  receiveLatencySecs: number;
  participantId: number;
}

const MAX_POINTS = 3600;

export const participantUuid = (viewer: string, L: LogicalShare, peer: string) => stableUuid(`participant:${viewer}:${L.uuid}:${peer}`);

export class Liveness {
  private readonly since = new Map<string, number>();
  private readonly reported = new Map<string, OperState>();
  private readonly overThreshold = new Set<string>();
  private readonly history = new Map<string, number[][]>();

  constructor(private readonly world: World) {}

  private pair(a: string, b: string): string {
    return a < b ? `${a}|${b}` : `${b}|${a}`;
  }

  reachable(a: string, b: string): boolean {
    const bus = this.world.bus;
    return Boolean(this.world.anvils.get(a)?.up && this.world.anvils.get(b)?.up) && !bus.link(a, b).paused && !bus.link(b, a).paused;
  }

  operState(viewer: string, peer: string, now = Date.now()): OperState {
    if (viewer === peer) return 'UP';
    const since = this.since.get(this.pair(viewer, peer));
    if (since === undefined) return 'UP';
    return now - since >= this.world.config.participantMaxSuspectedSec * 1000 ? 'DOWN' : 'SUSPECTED';
  }

  /** Send: age of our oldest change the peer lacks (our clock both ends). Receive: theirs, stamped by their clock, read by ours. */
  latency(viewer: Anvil, L: LogicalShare, peer: string): Latency {
    const participantId = L.members.get(peer)?.participantId ?? 0;
    if (peer === viewer.region) return { timestamp: viewer.now(), sendLatencySecs: 0, receiveLatencySecs: 0, participantId };
    return {
      timestamp: viewer.now(),
      sendLatencySecs: Math.floor(this.world.bus.behindSecs(L, viewer.region, peer)),
      receiveLatencySecs: Math.floor(this.recvBehind(viewer, L, peer)),
      participantId,
    };
  }

  recvBehind(viewer: Anvil, L: LogicalShare, from: string): number {
    const c = this.world.bus.oldest(L, from, viewer.region);
    return c ? (viewer.now() - c.stampMs) / 1000 : 0;
  }

  tick(now: number): void {
    const regions = [...this.world.anvils.keys()];
    for (const a of regions) {
      for (const b of regions) {
        if (a >= b) continue;
        const key = this.pair(a, b);
        if (this.reachable(a, b)) this.since.delete(key);
        else if (!this.since.has(key)) this.since.set(key, now);
      }
    }
    for (const L of this.world.federation.shares.values()) {
      if (!L.isGlobal()) continue;
      for (const viewer of L.members.keys()) {
        const anvil = this.world.anvils.get(viewer);
        const share = anvil?.shareByLogical(L.uuid);
        if (!anvil?.up || !share) continue;
        for (const peer of L.members.keys()) {
          if (peer !== viewer) this.observe(anvil, L, peer, share.replicationLatencyAlertThreshold, now);
        }
      }
    }
  }

  private observe(anvil: Anvil, L: LogicalShare, peer: string, threshold: number, now: number): void {
    const key = `${anvil.region}>${peer}|${L.uuid}`;
    const state = this.operState(anvil.region, peer, now);
    const prev = this.reported.get(key) ?? 'UP';
    const peerName = this.world.anvils.get(peer)?.name ?? peer;
    const source = { uuid: participantUuid(anvil.region, L, peer), objectType: 'SHARE_PARTICIPANT', name: peerName };
    if (state !== prev) {
      this.reported.set(key, state);
      anvil.events.emit('GFS_PARTICIPANT_OPER_STATE_CHANGED', state === 'UP' ? 'INFO' : 'WARNING', source, [L.name, peerName, prev, state]);
      if (state === 'DOWN') anvil.events.emit('METADATA_REPLICATION_ISSUE', 'ERROR', source, [L.name, peerName]);
      if (state === 'UP') anvil.events.clearCondition('METADATA_REPLICATION_ISSUE', source.uuid);
    }
    const behind = this.world.bus.behindSecs(L, anvil.region, peer, now);
    if (threshold > 0 && behind > threshold && !this.overThreshold.has(key)) {
      this.overThreshold.add(key);
      anvil.events.emit('REPLICATION_LATENCY_THRESHOLD_EXCEEDED', 'WARNING', source, [L.name, peerName, String(Math.floor(behind))]);
    } else if (behind <= threshold && this.overThreshold.delete(key)) {
      anvil.events.clearCondition('REPLICATION_LATENCY_THRESHOLD_EXCEEDED', source.uuid);
    }
  }

  sample(): void {
    for (const anvil of this.world.anvils.values()) {
      if (!anvil.up) continue;
      for (const share of anvil.shares) {
        const L = this.world.federation.get(share.logicalUuid);
        if (!L?.isGlobal() || share.state !== 'PUBLISHED') continue;
        for (const peer of L.members.keys()) {
          if (peer === anvil.region) continue;
          const lat = this.latency(anvil, L, peer);
          const key = `${anvil.region}|${share.uuid}|${lat.participantId}`;
          const points = this.history.get(key) ?? [];
          points.push([lat.timestamp, lat.sendLatencySecs, lat.receiveLatencySecs]);
          if (points.length > MAX_POINTS) points.splice(0, points.length - MAX_POINTS);
          this.history.set(key, points);
        }
      }
    }
  }

  points(region: string, shareUuid: string, participantId: number): number[][] {
    return this.history.get(`${region}|${shareUuid}|${participantId}`) ?? [];
  }
}
