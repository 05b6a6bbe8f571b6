/**
 * Moves a site to its next state inside the caller's transaction: the state machine says where it may
 * go, the write is compare-and-set on the state that was read, and the move is audited with its actor
 * and announced to open Regions pages. Not a use case of its own; every lifecycle use case goes through it.
 */
import type { Prisma } from '@/lib/db/generated/client';
import type { Tx } from '@/lib/db/client';
import { setSiteState } from '@/lib/db/site-lifecycle';
import type { Actor } from '@/lib/domain/auth/actor';
import { describeTransition, nextState, type TSiteEvent, type TSiteState, type TWorkflow } from '@/lib/domain/sites/lifecycle';
import { AppError } from '@/lib/errors';
import { audit } from '../audit';
import { publishChange } from '../live/publish-change';

export type TTransition = {
  workflow?: TWorkflow;
  /** a retry of a bring-up whose site was already opened resumes as active */
  activated?: boolean;
  failureReason?: string | null;
  launchesAllowed?: boolean;
  summary?: string;
  data?: Record<string, Prisma.InputJsonValue | null>;
};

export async function transitionSite(tx: Tx, actor: Actor, site: { id: string; name: string; state: TSiteState }, event: TSiteEvent, t: TTransition = {}): Promise<TSiteState> {
  const to = nextState(site, event, { workflow: t.workflow, activated: t.activated });
  // A site leaving `failed` forgets its reason; a site entering it must have one.
  const failureReason = to === 'failed' ? (t.failureReason ?? 'failed without a reason') : null;
  const moved = await setSiteState(site, to, { failureReason, ...(t.launchesAllowed === undefined ? {} : { launchesAllowed: t.launchesAllowed }) }, tx);
  if (!moved) throw new AppError('CONFLICT', `${site.name} changed while this was being done; reload and try again.`);
  const summary = t.summary ? `${describeTransition(site.name, site.state, to, event)}: ${t.summary}` : describeTransition(site.name, site.state, to, event);
  await audit(tx, actor, `site.${event}`, { type: 'site', id: site.id }, summary, { from: site.state, to, ...(failureReason ? { failureReason } : {}), ...(t.data ?? {}) });
  await publishChange(tx, { topic: 'sites', id: site.id });
  return to;
}
