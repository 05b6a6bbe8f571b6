/**
 * Server-sent events: each signed-in browser gets the topics it asked for, as `{topic,id}` notices.
 * No data travels here; the page refetches through its own authorized reads.
 */
import { currentActor } from '@/lib/auth/guards';
import { onChange } from '@/lib/services/live/listen-changes';
import { LIVE_TOPICS, type LiveTopic } from '@/lib/services/live/publish-change';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return Response.json({ error: { code: 'UNAUTHENTICATED', userMessage: 'Sign in to continue.' } }, { status: 401 });
  const asked = new URL(req.url).searchParams.get('topics')?.split(',') ?? [];
  const topics = new Set(asked.filter((t): t is LiveTopic => (LIVE_TOPICS as readonly string[]).includes(t)));
  const encoder = new TextEncoder();
  let cleanup = () => undefined as void;
  const stream = new ReadableStream({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      send('retry: 3000\n: connected\n\n');
      const off = onChange((change) => {
        if (topics.size === 0 || topics.has(change.topic)) send(`data: ${JSON.stringify(change)}\n\n`);
      });
      const ping = setInterval(() => send(': ping\n\n'), 20_000);
      cleanup = () => {
        off();
        clearInterval(ping);
      };
      req.signal.addEventListener('abort', () => {
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive' } });
}
