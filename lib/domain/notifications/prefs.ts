/**
 * A user's notification preference (users.notification_prefs, JSON): which channels to use and which
 * kinds of change to hear about. Read leniently: a row written by an older version, or edited by hand,
 * falls back to the defaults field by field instead of silencing someone by accident.
 */
import { z } from 'zod';

export const NOTIFICATION_KINDS = ['assigned', 'reassigned', 'status', 'version'] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<TNotificationKind, string> = {
  assigned: 'A shot is assigned to me',
  reassigned: 'A shot of mine is given to someone else',
  status: 'A status changes on a shot I assigned or work on',
  version: 'A new version of a shot I assigned or work on',
};

export const NOTIFICATION_CHANNELS = ['inApp', 'webhook'] as const;
export type TNotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const ZNotificationPrefs = z.object({
  /** the bell in the console */
  inApp: z.boolean().catch(true).default(true),
  /** webhook subscriptions an admin set up for this user (a Slack DM, say) */
  webhook: z.boolean().catch(true).default(true),
  /** kinds this user does not want on any channel */
  muted: z.array(z.enum(NOTIFICATION_KINDS)).catch([]).default([]),
});
export type TNotificationPrefs = z.infer<typeof ZNotificationPrefs>;

export const DEFAULT_PREFS: TNotificationPrefs = { inApp: true, webhook: true, muted: [] };

export function parsePrefs(json: unknown): TNotificationPrefs {
  const parsed = ZNotificationPrefs.safeParse(json ?? {});
  return parsed.success ? { ...parsed.data, muted: [...new Set(parsed.data.muted)] } : DEFAULT_PREFS;
}

export function wants(prefs: TNotificationPrefs, channel: TNotificationChannel, kind: TNotificationKind): boolean {
  return prefs[channel] && !prefs.muted.includes(kind);
}

export function isNotificationKind(value: string): value is TNotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** What a user submits: strict, unlike the lenient reading of stored rows. */
export const ZNotificationPrefsInput = z.object({
  inApp: z.boolean(),
  webhook: z.boolean(),
  muted: z.array(z.enum(NOTIFICATION_KINDS)).max(NOTIFICATION_KINDS.length),
});
