/**
 * Prometheus text at /metrics on each Anvil's port (a real cluster serves it on :9103). Each site
 * reports its own sends and receives, like the exporter on that site's Anvil.
 */
import type { Anvil } from './anvil';
import type { World } from './world';

const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labels = (l: Record<string, string>) => `{${Object.entries(l).map(([k, v]) => `${k}="${esc(v)}"`).join(',')}}`;
const num = (n: number) => String(Math.round(n * 1000) / 1000);

export function metricsText(world: World, anvil: Anvil): string {
  const send: string[] = [];
  const recv: string[] = [];
  const sent: string[] = [];
  for (const share of anvil.shares) {
    const L = world.federation.get(share.logicalUuid);
    if (share.state !== 'PUBLISHED' || !L?.isGlobal()) continue;
    for (const peer of L.members.keys()) {
      if (peer === anvil.region) continue;
      const peerName = world.anvils.get(peer)?.name ?? peer;
      send.push(`hammerspace_filesystem_replication_send_behind${labels({ share: share.name, from_site: anvil.name, to_site: peerName })} ${num(world.bus.behindSecs(L, anvil.region, peer))}`);
      recv.push(`hammerspace_filesystem_replication_recv_behind${labels({ share: share.name, from_site: peerName, to_site: anvil.name })} ${num(world.liveness.recvBehind(anvil, L, peer))}`);
    }
  }
  for (const link of world.bus.all()) {
    if (link.from !== anvil.region) continue;
    const to = world.anvils.get(link.to)?.name ?? link.to;
    sent.push(`hammerspace_filesystem_replication_send${labels({ status: 'sent', type: 'inode', to_site: to })} ${link.sent}`);
    sent.push(`hammerspace_filesystem_replication_send${labels({ status: 'ok', type: 'inode', to_site: to })} ${link.applied}`);
  }
  const c = world.replication.counters;
  return [
    '# HELP hammerspace_filesystem_replication_send_behind Seconds the oldest change not yet applied at the receiver has waited.',
    '# TYPE hammerspace_filesystem_replication_send_behind gauge',
    ...send,
    '# HELP hammerspace_filesystem_replication_recv_behind Seconds this site trails the sender (receiver clock).',
    '# TYPE hammerspace_filesystem_replication_recv_behind gauge',
    ...recv,
    '# HELP hammerspace_filesystem_replication_send Metadata changes sent and applied per link.',
    '# TYPE hammerspace_filesystem_replication_send counter',
    ...sent,
    '# HELP hammerspace_mobility_jobs_run Data mobility jobs (all sites of this simulator).',
    '# TYPE hammerspace_mobility_jobs_run counter',
    `hammerspace_mobility_jobs_run${labels({ msm_pretty: 'remote download on demand' })} ${c.onDemandReads}`,
    `hammerspace_mobility_jobs_run${labels({ msm_pretty: 'remote download by objective' })} ${c.dataCopies}`,
    '',
  ].join('\n');
}
