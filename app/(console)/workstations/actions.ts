'use server';

/**
 * Server actions for the workstation pages: session → role → zod → one service call. The artist may
 * start and stop (their own machine, where the site allows it: the service checks); everything else is
 * for admins. Pages refresh through the live-change stream, so actions only return their result.
 */
import { z } from 'zod';
import { action } from '@/lib/auth/guards';
import { ZLaunchProfile, ZLaunchRequest, ZPrice } from '@/lib/domain/workstations/profile';
import { adoptOrphan, ZAdoptOrphan } from '@/lib/services/workstations/adopt-orphan';
import { ZWorkstationIds } from '@/lib/services/workstations/change-desired-state';
import { launchWorkstations } from '@/lib/services/workstations/launch-workstations';
import { relaunchWorkstation, ZRelaunch } from '@/lib/services/workstations/relaunch-workstation';
import { saveLaunchProfile } from '@/lib/services/workstations/save-launch-profile';
import { startWorkstations } from '@/lib/services/workstations/start-workstations';
import { stopWorkstations } from '@/lib/services/workstations/stop-workstations';
import { terminateOrphan, ZTerminateOrphan } from '@/lib/services/workstations/terminate-orphan';
import { terminateWorkstations } from '@/lib/services/workstations/terminate-workstations';
import { updatePrice } from '@/lib/services/workstations/update-price';

const launch = action(['admin'], ZLaunchRequest, (actor, input) => launchWorkstations(actor, input));
const stop = action(['admin', 'artist'], ZWorkstationIds, (actor, input) => stopWorkstations(actor, input));
const start = action(['admin', 'artist'], ZWorkstationIds, (actor, input) => startWorkstations(actor, input));
const terminate = action(['admin'], ZWorkstationIds, (actor, input) => terminateWorkstations(actor, input));
const relaunch = action(['admin'], ZRelaunch, (actor, input) => relaunchWorkstation(actor, input));
const adopt = action(['admin'], ZAdoptOrphan, (actor, input) => adoptOrphan(actor, input));
const terminateStray = action(['admin'], ZTerminateOrphan, (actor, input) => terminateOrphan(actor, input));
const price = action(['admin'], ZPrice, (actor, input) => updatePrice(actor, input));
const profile = action(['admin'], ZLaunchProfile, (actor, input) => saveLaunchProfile(actor, input));

export async function launchAction(input: z.input<typeof ZLaunchRequest>) {
  return launch(input);
}
export async function stopAction(input: z.input<typeof ZWorkstationIds>) {
  return stop(input);
}
export async function startAction(input: z.input<typeof ZWorkstationIds>) {
  return start(input);
}
export async function terminateAction(input: z.input<typeof ZWorkstationIds>) {
  return terminate(input);
}
export async function relaunchAction(input: z.input<typeof ZRelaunch>) {
  return relaunch(input);
}
export async function adoptOrphanAction(input: z.input<typeof ZAdoptOrphan>) {
  return adopt(input);
}
export async function terminateOrphanAction(input: z.input<typeof ZTerminateOrphan>) {
  return terminateStray(input);
}
export async function updatePriceAction(input: z.input<typeof ZPrice>) {
  return price(input);
}
export async function saveLaunchProfileAction(input: z.input<typeof ZLaunchProfile>) {
  return profile(input);
}
