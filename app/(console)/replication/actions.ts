'use server';

/** Server actions of the Replication page (admins only): session → role → zod → one service call. */
import { z } from 'zod';
import { action } from '@/lib/auth/guards';
import { updateLagThreshold, ZUpdateLagThreshold } from '@/lib/services/replication/update-lag-threshold';

const threshold = action(['admin'], ZUpdateLagThreshold, (actor, input) => updateLagThreshold(actor, input));

export async function updateLagThresholdAction(input: z.input<typeof ZUpdateLagThreshold>) {
  return threshold(input);
}
