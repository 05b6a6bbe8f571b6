/**
 * Whether a site is already part of the global namespace, read from the home Anvil's answers, so the
 * bring-up steps can skip what a crashed run already did. A site is recognised by its Anvil's address
 * (host:port of its URL) first and by its Anvil's own site name otherwise: Anvils name peers the way
 * they were named at install time, not the way the studio names its sites.
 */
import { hostPort } from '@/lib/domain/hammerspace/peers';
import type { TAnvilSite, TShareParticipant } from '@/lib/domain/hammerspace/types';

export type TSiteIdentity = { anvilName: string; anvilUrl: string };

function addressOf(a: TAnvilSite): string | null {
  const m = a.mgmtAddress?.trim().toLowerCase();
  if (!m) return null;
  return m.includes('://') ? hostPort(m) : m;
}

export function findRemoteSite(homeSites: readonly TAnvilSite[], target: TSiteIdentity): TAnvilSite | null {
  const address = hostPort(target.anvilUrl);
  const remotes = homeSites.filter((s) => s.type === 'REMOTE');
  return remotes.find((s) => address !== null && addressOf(s) === address) ?? remotes.find((s) => s.name === target.anvilName) ?? null;
}

export function isParticipant(participants: readonly TShareParticipant[], anvilName: string): boolean {
  return participants.some((p) => p.name === anvilName);
}

/** What the home Anvil is told to reach the new site at: host:port of its management URL. */
export function remoteAddress(anvilUrl: string): string {
  return hostPort(anvilUrl) ?? anvilUrl;
}
