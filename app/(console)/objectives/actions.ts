'use server';

/**
 * Server actions of the Objectives pages (admins only): session → role → zod → one service call.
 * Pages refresh through the live-change stream; the client also refreshes after a success.
 */
import { z } from 'zod';
import { action } from '@/lib/auth/guards';
import { applyObjective, ZApplyObjective } from '@/lib/services/objectives/apply-objective';
import { applyPreset, ZApplyPreset } from '@/lib/services/objectives/apply-preset';
import { createObjective, ZCreateObjective } from '@/lib/services/objectives/create-objective';
import { deleteObjective, ZDeleteObjective } from '@/lib/services/objectives/delete-objective';
import { previewFnmatch, ZPreviewFnmatch } from '@/lib/services/objectives/preview-fnmatch';
import { removeApplication, ZRemoveApplication } from '@/lib/services/objectives/remove-application';
import { updateObjective, ZUpdateObjective } from '@/lib/services/objectives/update-objective';
import { validateExpression, ZValidateExpression } from '@/lib/services/objectives/validate-expression';

const validate = action(['admin'], ZValidateExpression, (actor, input) => validateExpression(actor, input));
const preview = action(['admin'], ZPreviewFnmatch, (actor, input) => previewFnmatch(actor, input));
const create = action(['admin'], ZCreateObjective, (actor, input) => createObjective(actor, input));
const update = action(['admin'], ZUpdateObjective, (actor, input) => updateObjective(actor, input));
const remove = action(['admin'], ZDeleteObjective, (actor, input) => deleteObjective(actor, input));
const apply = action(['admin'], ZApplyObjective, (actor, input) => applyObjective(actor, input));
const unapply = action(['admin'], ZRemoveApplication, (actor, input) => removeApplication(actor, input));
const preset = action(['admin'], ZApplyPreset, (actor, input) => applyPreset(actor, input));

export async function validateExpressionAction(input: z.input<typeof ZValidateExpression>) {
  return validate(input);
}
export async function previewFnmatchAction(input: z.input<typeof ZPreviewFnmatch>) {
  return preview(input);
}
export async function createObjectiveAction(input: z.input<typeof ZCreateObjective>) {
  return create(input);
}
export async function updateObjectiveAction(input: z.input<typeof ZUpdateObjective>) {
  return update(input);
}
export async function deleteObjectiveAction(input: z.input<typeof ZDeleteObjective>) {
  return remove(input);
}
export async function applyObjectiveAction(input: z.input<typeof ZApplyObjective>) {
  return apply(input);
}
export async function removeApplicationAction(input: z.input<typeof ZRemoveApplication>) {
  return unapply(input);
}
export async function applyPresetAction(input: z.input<typeof ZApplyPreset>) {
  return preset(input);
}
