/**
 * zod input of a use case → data, or VALIDATION with the field errors forms show beside each field. The
 * guards validate too, but workers and tests call services directly and must get the same clear error.
 */
import type { z } from 'zod';
import { AppError, fieldErrorsFrom } from '@/lib/errors';

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues[0]?.message ?? 'Some fields need attention.', { fieldErrors: fieldErrorsFrom(parsed.error.issues) });
  return parsed.data;
}
