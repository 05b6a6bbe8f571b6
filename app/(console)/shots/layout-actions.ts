'use server';

/** The Shots page's one action: an admin sets a project's publish layout (session → role → zod → service). */
import { action } from '@/lib/auth/guards';
import { setProjectLayout, ZSetProjectLayout } from '@/lib/services/shots/set-project-layout';

const setLayout = action(['admin'], ZSetProjectLayout, (actor, input) => setProjectLayout(actor, input));

export async function setLayoutAction(input: unknown) {
  return setLayout(input);
}
