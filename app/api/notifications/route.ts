/** The bell's data: the signed-in user's latest notifications and unread count (their own only). */
import { route } from '@/lib/auth/guards';
import { listNotifications } from '@/lib/services/notifications/list-notifications';

export const dynamic = 'force-dynamic';

export const GET = route([], (actor) => listNotifications(actor));
