'use server';

/**
 * Server actions for the Regions page: session → admin role → zod → one service call. The services
 * check the lifecycle rules and typed confirmations again; pages refresh through the live stream.
 */
import { z } from 'zod';
import { action } from '@/lib/auth/guards';
import { ZBringUpOptions, ZDrainOptions, ZForceStop, ZRegisterSite } from '@/lib/domain/sites/registration';
import { cancelDrain, ZCancelDrain } from '@/lib/services/sites/cancel-drain';
import { checkDrain, ZCheckDrain } from '@/lib/services/sites/check-drain';
import { forceStopSite } from '@/lib/services/sites/force-stop';
import { registerSite } from '@/lib/services/sites/register-site';
import { retrySite, ZRetrySite } from '@/lib/services/sites/retry-site';
import { startBringUp } from '@/lib/services/sites/start-bring-up';
import { startDrain } from '@/lib/services/sites/start-drain';

const register = action(['admin'], ZRegisterSite, (actor, input) => registerSite(actor, input));
const bringUp = action(['admin'], ZBringUpOptions, (actor, input) => startBringUp(actor, input));
const check = action(['admin'], ZCheckDrain, (actor, input) => checkDrain(actor, input));
const drain = action(['admin'], ZDrainOptions, (actor, input) => startDrain(actor, input));
const cancel = action(['admin'], ZCancelDrain, (actor, input) => cancelDrain(actor, input));
const retry = action(['admin'], ZRetrySite, (actor, input) => retrySite(actor, input));
const forceStop = action(['admin'], ZForceStop, (actor, input) => forceStopSite(actor, input));

export async function registerSiteAction(input: z.input<typeof ZRegisterSite>) {
  return register(input);
}
export async function bringUpAction(input: z.input<typeof ZBringUpOptions>) {
  return bringUp(input);
}
export async function checkDrainAction(input: z.input<typeof ZCheckDrain>) {
  return check(input);
}
export async function drainAction(input: z.input<typeof ZDrainOptions>) {
  return drain(input);
}
export async function cancelDrainAction(input: z.input<typeof ZCancelDrain>) {
  return cancel(input);
}
export async function retryAction(input: z.input<typeof ZRetrySite>) {
  return retry(input);
}
export async function forceStopAction(input: z.input<typeof ZForceStop>) {
  return forceStop(input);
}
