'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Icon } from '@/components/ui/icon';

export type SidebarItem = { href: string; label: string; icon: string };

export function Sidebar({ items, user, signOut }: { items: SidebarItem[]; user: { name: string; email: string; roles: string[] }; signOut: () => Promise<void> }) {
  const pathname = usePathname();
  return (
    <aside className="flex w-56 shrink-0 flex-col border-r border-line bg-panel">
      <div className="flex items-center gap-2 px-4 py-4">
        <div className="flex h-7 w-7 items-center justify-center rounded-md bg-accent text-sm font-bold text-accent-ink">S</div>
        <span className="text-sm font-semibold tracking-tight">Studio Control</span>
      </div>
      <nav aria-label="Main" className="flex-1 space-y-0.5 px-2">
        {items.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <Link
              key={item.href}
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={`flex items-center gap-2.5 rounded-md px-3 py-2 text-sm ${active ? 'bg-raised text-ink' : 'text-muted hover:bg-raised/60 hover:text-ink'}`}
            >
              <Icon name={item.icon} className={`h-4 w-4 ${active ? 'text-accent' : ''}`} />
              {item.label}
            </Link>
          );
        })}
      </nav>
      <div className="border-t border-line p-3">
        <p className="truncate text-sm font-medium" data-testid="current-user">{user.name}</p>
        <p className="truncate text-xs text-muted">{user.email}</p>
        <p className="mt-1 text-xs text-faint">{user.roles.join(' · ')}</p>
        <form action={signOut} className="mt-2">
          <button type="submit" className="flex items-center gap-2 text-xs text-muted hover:text-ink">
            <Icon name="logout" className="h-3.5 w-3.5" /> Sign out
          </button>
        </form>
      </div>
    </aside>
  );
}
