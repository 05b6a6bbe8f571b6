/**
 * The look of every text input and select. A plain module, not a client one: a server component (the
 * board's filters) that imported it from a 'use client' file got a client reference instead of the string.
 * `inputClass` fills its field's width; `sizedInput(width)` is the same control at a width of its own
 * (two width utilities on one element would leave the winner to the stylesheet's order).
 */
const INPUT = 'rounded-md border border-line bg-canvas px-3 py-2 text-sm outline-none focus:border-accent';

export const inputClass = `w-full ${INPUT}`;

export const sizedInput = (width: string) => `${width} ${INPUT}`;
