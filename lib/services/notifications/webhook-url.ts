/**
 * Webhook URLs are secrets in all but name (a Slack incoming-webhook URL is its own credential), so they
 * are shown and logged as origin plus the last characters only, and accepted only as http(s).
 */
import { z } from 'zod';

export function maskWebhookUrl(url: string): string {
  try {
    const u = new URL(url);
    const rest = `${u.pathname}${u.search}`;
    return rest.length <= 1 ? u.origin : `${u.origin}/…${rest.slice(-4)}`;
  } catch {
    return '(invalid URL)';
  }
}

export const ZWebhookUrl = z
  .string()
  .trim()
  .url('Enter the receiver’s full URL, starting with https://')
  .refine((v) => /^https?:$/.test(new URL(v).protocol), 'Only http and https URLs can receive webhooks.')
  .refine((v) => !new URL(v).username && !new URL(v).password, 'Put credentials in the secret, not in the URL.');
