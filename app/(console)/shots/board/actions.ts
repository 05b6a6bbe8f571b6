'use server';

/**
 * Server actions of the producer's board: session → role → zod → one service call. Pages refresh through
 * the live-change stream (and the client's own refresh), so actions only return their result.
 */
import type { z } from 'zod';
import { action } from '@/lib/auth/guards';
import { assignShots, ZAssignShots } from '@/lib/services/assignments/assign-shots';
import { changeAssignmentStatus, ZChangeStatus } from '@/lib/services/assignments/change-assignment-status';
import { unassignShots, ZUnassignShots } from '@/lib/services/assignments/unassign-shots';

const assign = action(['admin', 'producer'], ZAssignShots, (actor, input) => assignShots(actor, input));
const status = action(['admin', 'producer'], ZChangeStatus, (actor, input) => changeAssignmentStatus(actor, input));
const unassign = action(['admin', 'producer'], ZUnassignShots, (actor, input) => unassignShots(actor, input));

export async function assignShotsAction(input: z.input<typeof ZAssignShots>) {
  return assign(input);
}
export async function changeStatusAction(input: z.input<typeof ZChangeStatus>) {
  return status(input);
}
export async function unassignShotsAction(input: z.input<typeof ZUnassignShots>) {
  return unassign(input);
}
