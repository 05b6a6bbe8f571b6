import { NotificationBell } from '@/components/notifications/bell';
import { Providers } from '@/components/providers';
import { Sidebar } from '@/components/shell/sidebar';
import { requirePage } from '@/lib/auth/guards';
import { navFor } from '@/lib/domain/auth/navigation';
import { signOutAction } from './actions';

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePage();
  const items = navFor(actor.roles).map(({ href, label, icon }) => ({ href, label, icon }));
  return (
    <Providers>
      <div className="flex min-h-screen">
        <Sidebar items={items} user={{ name: actor.name, email: actor.email, roles: actor.roles }} signOut={signOutAction} />
        <main className="min-w-0 flex-1 px-8 py-6">
          <div className="-mb-2 -mt-3 flex justify-end">
            <NotificationBell />
          </div>
          {children}
        </main>
      </div>
    </Providers>
  );
}
