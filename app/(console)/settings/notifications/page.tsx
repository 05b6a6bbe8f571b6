import type { Metadata } from 'next';
import Link from 'next/link';
import { PrefsForm } from '@/components/notifications/prefs-form';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guards';
import { hasRole } from '@/lib/domain/auth/actor';
import { getNotificationPrefs } from '@/lib/services/notifications/get-notification-prefs';
import { saveNotificationPrefsAction } from './actions';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationSettingsPage() {
  const actor = await requirePage();
  const { personalWebhooks, ...prefs } = await getNotificationPrefs(actor);
  return (
    <>
      <PageHeader title="Notifications" description="How the studio tells you about assignments, status changes and new versions." />
      <PrefsForm initial={prefs} personalWebhooks={personalWebhooks} action={saveNotificationPrefsAction} />
      {hasRole(actor, 'admin') ? (
        <p className="mt-8 text-sm text-muted">Webhook receivers for the studio and for each person are managed on the <Link href="/settings/webhooks" className="underline">Webhooks</Link> page.</p>
      ) : null}
    </>
  );
}
