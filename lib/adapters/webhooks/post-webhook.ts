/**
 * POSTs one webhook body and reports what the receiver answered. Redirects are not followed (a signed
 * body must reach the URL an admin configured, not wherever it points); network failures and timeouts
 * become AppErrors the delivery records as its last error.
 */
import { AppError } from '@/lib/errors';

export type TWebhookAnswer = { status: number; excerpt: string };

export async function postWebhook(url: string, body: string, headers: Record<string, string>, timeoutMs = 10_000): Promise<TWebhookAnswer> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'user-agent': 'StudioControl-Webhooks/1', ...headers },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') throw new AppError('TIMEOUT', `The webhook receiver did not answer within ${timeoutMs / 1000} s.`, { cause: err });
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err);
    throw new AppError('UPSTREAM', `The webhook receiver could not be reached: ${cause}`, { cause: err });
  }
  const text = await res.text().catch(() => '');
  return { status: res.status, excerpt: text.replace(/\s+/g, ' ').trim().slice(0, 200) };
}
