/**
 * Launch profiles (per site: what a Flame, Flare or Flame Assist machine is made of) and the rules a
 * launch request must meet. Pure zod schemas so the web form, the service and the tests agree.
 */
import { z } from 'zod';

export const PROFILE_KINDS = ['flame', 'flare', 'flame_assist'] as const;
export type ProfileKind = (typeof PROFILE_KINDS)[number];
export const PROFILE_KIND_LABEL: Record<ProfileKind, string> = { flame: 'Flame', flare: 'Flare', flame_assist: 'Flame Assist' };

/** EC2 instance type names: family + generation + options, a dot, a size ("g6e.4xlarge"). */
export const INSTANCE_TYPE_RE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;
export const MAX_LAUNCH_COUNT = 20;

export const ZLaunchProfile = z.object({
  id: z.string().optional(),
  siteId: z.string().min(1, 'Choose a site'),
  name: z.string().trim().min(1, 'Give the profile a name').max(60),
  kind: z.enum(PROFILE_KINDS),
  amiId: z.string().trim().regex(/^ami-[0-9a-f]{8,17}$/, 'An AMI id looks like ami-0123456789abcdef0'),
  instanceTypes: z.array(z.string().trim().regex(INSTANCE_TYPE_RE, 'Not an EC2 instance type')).min(1, 'Allow at least one instance type').max(20),
  subnetId: z.string().trim().regex(/^subnet-[0-9a-f]{8,17}$/, 'A subnet id looks like subnet-0123456789abcdef0').nullable().default(null),
  securityGroupIds: z.array(z.string().trim().regex(/^sg-[0-9a-f]{8,17}$/, 'A security group id looks like sg-0123456789abcdef0')).max(5).default([]),
  volumeSizeGb: z.coerce.number().int().min(50, 'At least 50 GB').max(16_384, 'At most 16 TB'),
});
export type TLaunchProfile = z.infer<typeof ZLaunchProfile>;

export const ZLaunchRequest = z.object({
  siteId: z.string().min(1, 'Choose a site'),
  profileId: z.string().min(1, 'Choose a launch profile'),
  instanceType: z.string().regex(INSTANCE_TYPE_RE, 'Choose an instance type'),
  count: z.coerce.number().int().min(1, 'Launch at least one').max(MAX_LAUNCH_COUNT, `At most ${MAX_LAUNCH_COUNT} at once`),
  artistId: z.string().min(1).nullable().default(null),
});
export type TLaunchRequest = z.infer<typeof ZLaunchRequest>;

export const ZPrice = z.object({
  instanceType: z.string().trim().regex(INSTANCE_TYPE_RE, 'Not an EC2 instance type'),
  hourlyUsd: z.coerce.number().min(0, 'A price cannot be negative').max(1000, 'That is more than any instance costs'),
});
