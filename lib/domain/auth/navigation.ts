/** The console's navigation, filtered by role. Pure data so the server and the sidebar agree. */
import type { Role } from './actor';

export type NavItem = { href: string; label: string; icon: string; roles: Role[] };

export const NAV_ITEMS: NavItem[] = [
  { href: '/overview', label: 'Overview', icon: 'gauge', roles: ['admin', 'producer'] },
  { href: '/regions', label: 'Regions', icon: 'globe', roles: ['admin'] },
  { href: '/workstations', label: 'Workstations', icon: 'monitor', roles: ['admin'] },
  { href: '/shots', label: 'Shots', icon: 'film', roles: ['admin', 'producer'] },
  { href: '/objectives', label: 'Objectives', icon: 'target', roles: ['admin'] },
  { href: '/replication', label: 'Replication', icon: 'activity', roles: ['admin'] },
  { href: '/audit', label: 'Audit', icon: 'scroll', roles: ['admin'] },
  { href: '/settings/webhooks', label: 'Webhooks', icon: 'bell', roles: ['admin'] },
  { href: '/me', label: 'My shots', icon: 'user', roles: ['artist'] },
];

export function navFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.some((r) => roles.includes(r)));
}
