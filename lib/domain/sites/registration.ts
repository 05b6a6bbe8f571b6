/**
 * What an admin types to register a site: its name, AWS region and Anvil (URL, account, password,
 * whether to trust a self-signed certificate). The password is required the first time and may be left
 * blank on an edit, which keeps the sealed one.
 */
import { z } from 'zod';

/** AWS region names: `us-east-1`, `ap-southeast-2`, `us-gov-west-1`. */
export const REGION_RE = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

export const ZAnvilUrl = z
  .string()
  .trim()
  .url('Give the Anvil’s management URL, e.g. https://anvil.example:8443/mgmt/v1.2/rest')
  .refine((u) => /^https?:\/\//i.test(u), 'The Anvil URL must start with http:// or https://')
  .transform((u) => u.replace(/\/+$/, ''));

export const ZRegisterSite = z.object({
  siteId: z.string().min(1).optional(),
  name: z.string().trim().min(1, 'Give the site a name').max(60, 'At most 60 characters'),
  region: z.string().trim().regex(REGION_RE, 'An AWS region looks like ap-southeast-2'),
  anvilUrl: ZAnvilUrl,
  anvilUsername: z.string().trim().min(1, 'Give the Anvil account').max(120),
  anvilPassword: z.string().max(500).optional().default(''),
  trustSelfSigned: z.boolean().default(false),
});
export type TRegisterSite = z.output<typeof ZRegisterSite>;

export const ZBringUpOptions = z.object({
  siteId: z.string().min(1),
  workstations: z.coerce.number().int().min(0, 'Zero or more').max(20, 'At most 20 at once').default(0),
});

export const ZDrainOptions = z.object({
  siteId: z.string().min(1),
  /** terminate the workstations instead of stopping them (needs the site's name typed) */
  terminate: z.boolean().default(false),
  confirm: z.string().optional(),
});

export const ZForceStop = z.object({
  siteId: z.string().min(1),
  confirm: z.string(),
  reason: z.string().trim().max(500).optional(),
});

/** Typed confirmations compare trimmed text exactly: the site's own name, as shown. */
export function confirmsSiteName(name: string, typed: string | undefined): boolean {
  return (typed ?? '').trim() === name;
}
