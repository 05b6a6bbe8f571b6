/**
 * Turns a user's pending changes into one message: the bell's notification and a Slack-compatible
 * webhook body (`text` for every receiver, `blocks` for Slack). One change reads as itself; many read
 * as a digest grouped by kind, listing the first few, so 300 assigned shots is one short message.
 */
import type { TNotificationKind } from './prefs';

export type TPendingEvent = { kind: TNotificationKind; title: string; link: string | null; createdAt: string };

export type TDigest = {
  title: string;
  body: string | null;
  link: string | null;
  kinds: TNotificationKind[];
  count: number;
  slack: { text: string; blocks: SlackBlock[] };
};

type SlackBlock = { type: 'section'; text: { type: 'mrkdwn'; text: string } } | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] };

export const DIGEST_LIST_LIMIT = 15;

const PHRASES: Record<TNotificationKind, (n: number) => string> = {
  assigned: (n) => (n === 1 ? '1 shot assigned to you' : `${n} shots assigned to you`),
  reassigned: (n) => (n === 1 ? '1 shot reassigned' : `${n} shots reassigned`),
  status: (n) => (n === 1 ? '1 status change' : `${n} status changes`),
  version: (n) => (n === 1 ? '1 new version' : `${n} new versions`),
};

/** Slack's mrkdwn treats `<`, `>` and `&` as markup; a shot name must never become a link or mention. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function absolute(link: string | null, baseUrl: string | null): string | null {
  if (!link) return null;
  if (!baseUrl) return link;
  return `${baseUrl.replace(/\/+$/, '')}${link.startsWith('/') ? '' : '/'}${link}`;
}

export function buildDigest(events: readonly TPendingEvent[], opts: { baseUrl: string | null; fallbackLink: string }): TDigest {
  if (events.length === 0) throw new Error('buildDigest needs at least one event');
  const sorted = [...events].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const counts = new Map<TNotificationKind, number>();
  for (const e of sorted) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const kinds = [...counts.keys()];
  const single = sorted.length === 1 ? sorted[0]! : null;

  const title = single ? single.title : [...counts].map(([k, n]) => PHRASES[k](n)).join(' · ');
  const listed = sorted.slice(0, DIGEST_LIST_LIMIT);
  const more = sorted.length - listed.length;
  const lines = single ? [] : [...listed.map((e) => e.title), ...(more > 0 ? [`…and ${more} more`] : [])];
  const link = single?.link ?? opts.fallbackLink;
  const url = absolute(link, opts.baseUrl);

  const blocks: SlackBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(title)}*` } }];
  if (lines.length) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: lines.map((l) => `• ${escapeMrkdwn(l)}`).join('\n') } });
  if (url) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `<${url}|Open in Studio Control>` }] });
  const text = [title, ...lines.map((l) => `• ${l}`), ...(url ? [url] : [])].join('\n');

  return { title, body: lines.length ? lines.join('\n') : null, link, kinds, count: sorted.length, slack: { text, blocks } };
}

/** The same message for a studio channel, where "assigned to you" must say who "you" is. */
export function addressedTo(slack: TDigest['slack'], name: string): TDigest['slack'] {
  const [head, ...rest] = slack.blocks;
  const prefixed = head && head.type === 'section' ? { ...head, text: { ...head.text, text: `*For ${escapeMrkdwn(name)}:* ${head.text.text}` } } : head;
  return { text: `For ${name}: ${slack.text}`, blocks: prefixed ? [prefixed, ...rest] : rest };
}
