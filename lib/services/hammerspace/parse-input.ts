/** zod input of a use case → data, or VALIDATION with field errors the forms show next to each field. */
import type { z } from 'zod';
import { AppError, fieldErrorsFrom } from '@/lib/errors';

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('VALIDATION', 'Some fields need attention.', { fieldErrors: fieldErrorsFrom(parsed.error.issues) });
  return parsed.data;
}
