'use server';

/** Webhook receivers, for admins only: session → role → zod → one service call. */
import type { z } from 'zod';
import { action } from '@/lib/auth/guards';
import { createWebhook, ZCreateWebhook } from '@/lib/services/notifications/create-webhook';
import { deleteWebhook, ZDeleteWebhook } from '@/lib/services/notifications/delete-webhook';
import { sendTestWebhook, ZSendTestWebhook } from '@/lib/services/notifications/send-test-webhook';
import { setWebhookActive, ZSetWebhookActive } from '@/lib/services/notifications/set-webhook-active';

const create = action(['admin'], ZCreateWebhook, (actor, input) => createWebhook(actor, input));
const remove = action(['admin'], ZDeleteWebhook, (actor, input) => deleteWebhook(actor, input));
const toggle = action(['admin'], ZSetWebhookActive, (actor, input) => setWebhookActive(actor, input));
const test = action(['admin'], ZSendTestWebhook, (actor, input) => sendTestWebhook(actor, input));

export async function createWebhookAction(input: z.input<typeof ZCreateWebhook>) {
  return create(input);
}
export async function deleteWebhookAction(input: z.input<typeof ZDeleteWebhook>) {
  return remove(input);
}
export async function setWebhookActiveAction(input: z.input<typeof ZSetWebhookActive>) {
  return toggle(input);
}
export async function sendTestWebhookAction(input: z.input<typeof ZSendTestWebhook>) {
  return test(input);
}
