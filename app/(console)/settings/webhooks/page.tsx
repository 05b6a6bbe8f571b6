import type { Metadata } from 'next';
import { WebhookForm } from '@/components/notifications/webhook-form';
import { WebhookList } from '@/components/notifications/webhook-list';
import { LiveRefresh } from '@/components/live/live-refresh';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guards';
import { listWebhooks } from '@/lib/services/notifications/list-webhooks';
import { createWebhookAction, deleteWebhookAction, sendTestWebhookAction, setWebhookActiveAction } from './actions';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  const actor = await requirePage('admin');
  const { webhooks, users } = await listWebhooks(actor);
  return (
    <>
      <LiveRefresh topics={['notifications']} />
      <PageHeader title="Webhooks" description="Where assignment, status and version notifications go besides the bell: Slack-compatible JSON, signed." />
      <div className="space-y-6">
        <WebhookForm users={users} action={createWebhookAction} />
        <WebhookList webhooks={webhooks} actions={{ remove: deleteWebhookAction, setActive: setWebhookActiveAction, test: sendTestWebhookAction }} />
        <Card title="Checking a message on the receiver">
          <div className="space-y-2 text-sm text-muted">
            <p>Each POST carries <code className="font-mono text-xs">X-Studio-Timestamp</code> (Unix seconds), <code className="font-mono text-xs">X-Studio-Signature: sha256=&lt;hex&gt;</code> and <code className="font-mono text-xs">Idempotency-Key</code>.</p>
            <p>The signature is HMAC-SHA256, keyed with the receiver’s secret, over <code className="font-mono text-xs">&lt;timestamp&gt;.&lt;raw body&gt;</code>. Refuse timestamps more than five minutes old, and drop a key you have already processed: a retried message keeps its key.</p>
            <p>A 2xx answer marks the message delivered. Other answers are retried with growing delays, except 4xx (other than 408 and 429), which stop at once.</p>
          </div>
        </Card>
      </div>
    </>
  );
}
