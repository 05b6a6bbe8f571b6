'use server';

/** The artist's own status moves (start, submit for review); the service checks it is their shot. */
import type { z } from 'zod';
import { action } from '@/lib/auth/guards';
import { changeAssignmentStatus, ZChangeStatus } from '@/lib/services/assignments/change-assignment-status';

const status = action(['artist'], ZChangeStatus, (actor, input) => changeAssignmentStatus(actor, input));

export async function changeMyStatusAction(input: z.input<typeof ZChangeStatus>) {
  return status(input);
}
