/**
 * The Anvil of a site, for the Hammerspace use cases: opens the sealed password and hands back the
 * site's cached client (one session per site per process). Not a use case of its own.
 */
import { anvilClient, type TaskFollowOptions } from '@/lib/adapters/hammerspace';
import type { TAnvilSiteRow } from '@/lib/db/anvil-sites';
import type { AnvilPort } from '@/lib/domain/hammerspace/port';
import { AppError } from '@/lib/errors';
import { openSecret } from '@/lib/services/secrets';

type SiteWithAnvil = Pick<TAnvilSiteRow, 'id' | 'name' | 'anvilUrl' | 'anvilUsername' | 'anvilPasswordEnc' | 'anvilTrustSelfSigned'>;

export const hasAnvil = (s: Pick<TAnvilSiteRow, 'anvilUrl' | 'anvilUsername' | 'anvilPasswordEnc'>) => Boolean(s.anvilUrl && s.anvilUsername && s.anvilPasswordEnc);

export function anvilForSite(site: SiteWithAnvil, opts: { timeoutMs?: number; task?: Partial<TaskFollowOptions> } = {}): AnvilPort {
  if (!site.anvilUrl || !site.anvilUsername || !site.anvilPasswordEnc) {
    throw new AppError('CONFLICT', `${site.name} has no Anvil configured: set its Anvil URL and account on the Regions page.`);
  }
  return anvilClient({
    siteId: site.id,
    siteName: site.name,
    url: site.anvilUrl,
    username: site.anvilUsername,
    password: openSecret(site.anvilPasswordEnc),
    trustSelfSigned: site.anvilTrustSelfSigned,
    timeoutMs: opts.timeoutMs,
    task: opts.task,
  });
}

/** A failure's message for a row's last error, whatever was thrown. */
export function errorText(err: unknown): string {
  if (err instanceof AppError) return err.userMessage;
  return err instanceof Error ? err.message : String(err);
}
