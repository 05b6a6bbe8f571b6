/**
 * The site lifecycle as a state machine: planned → provisioning → active → draining → stopped, with
 * `failed` (and its reason) reachable from any step that runs work, and a retry that resumes the
 * workflow that failed. Services call `nextState` before writing a new state, so an illegal move is
 * refused with a sentence an admin can act on, and every legal one is described for the audit row.
 */
import { AppError } from '@/lib/errors';

export const SITE_STATES = ['planned', 'provisioning', 'active', 'draining', 'stopped', 'failed'] as const;
export type TSiteState = (typeof SITE_STATES)[number];

export const WORKFLOWS = ['bring-up', 'drain'] as const;
export type TWorkflow = (typeof WORKFLOWS)[number];

export const SITE_EVENTS = ['bring-up', 'activate', 'drain', 'cancel-drain', 'stop', 'fail', 'retry', 'force-stop'] as const;
export type TSiteEvent = (typeof SITE_EVENTS)[number];

export type TTransitionContext = { workflow?: TWorkflow; activated?: boolean };
type Rule = { from: readonly TSiteState[]; to: TSiteState | ((ctx: TTransitionContext) => TSiteState); verb: string };

const RULES: Record<TSiteEvent, Rule> = {
  // A stopped site may be brought up again: its Anvil rejoins and its profiles are kept.
  'bring-up': { from: ['planned', 'stopped'], to: 'provisioning', verb: 'bring up' },
  activate: { from: ['provisioning'], to: 'active', verb: 'activate' },
  drain: { from: ['active'], to: 'draining', verb: 'drain' },
  // Stopping a drain half-way is safe: nothing irreversible happens before the site leaves its shares.
  'cancel-drain': { from: ['draining'], to: 'active', verb: 'cancel the drain of' },
  stop: { from: ['draining'], to: 'stopped', verb: 'mark stopped' },
  // `active` is here because the last bring-up step (launching workstations) runs once the site is open.
  fail: { from: ['provisioning', 'active', 'draining'], to: 'failed', verb: 'mark failed' },
  // A bring-up that failed after the site was opened (launching workstations) resumes as active.
  retry: { from: ['failed'], to: (c) => (c.workflow === 'drain' ? 'draining' : c.activated ? 'active' : 'provisioning'), verb: 'retry' },
  'force-stop': { from: ['provisioning', 'active', 'draining', 'failed'], to: 'stopped', verb: 'force-stop' },
};

/** The states an event may start from (the UI greys out the rest). */
export function allowedFrom(event: TSiteEvent): readonly TSiteState[] {
  return RULES[event].from;
}

export function canApply(state: TSiteState, event: TSiteEvent): boolean {
  return RULES[event].from.includes(state);
}

/**
 * The state after `event`, or a CONFLICT naming the states it is allowed from. For a retry, the context
 * says which workflow failed (bring-up by default) and whether a bring-up had already opened the site.
 */
export function nextState(site: { name: string; state: TSiteState }, event: TSiteEvent, ctx: TTransitionContext = {}): TSiteState {
  const rule = RULES[event];
  if (!rule.from.includes(site.state)) {
    const allowed = rule.from.join(' or ');
    throw new AppError('CONFLICT', `${site.name} is ${site.state}: only a site that is ${allowed} can ${rule.verb === 'mark failed' ? 'fail' : rule.verb}.`);
  }
  return typeof rule.to === 'function' ? rule.to(ctx) : rule.to;
}

/** A failure reason as stored on the site: one line, bounded, never empty. */
export function failureReason(stepLabel: string, message: string): string {
  const text = `${stepLabel}: ${message.replace(/\s+/g, ' ').trim() || 'failed without a message'}`;
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}

/** The workflow a state belongs to while it runs (null when nothing runs). */
export function runningWorkflow(state: TSiteState): TWorkflow | null {
  if (state === 'provisioning') return 'bring-up';
  if (state === 'draining') return 'drain';
  return null;
}

/** "London: active → draining", the audit summary of a transition. */
export function describeTransition(name: string, from: TSiteState, to: TSiteState, event: TSiteEvent): string {
  return `${name}: ${from} → ${to} (${event})`;
}
