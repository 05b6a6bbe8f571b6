import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/guards';
import { homePath } from '@/lib/domain/auth/actor';

// The root sends each person to their role's home.
export default async function Root() {
  const actor = await currentActor();
  redirect(actor ? homePath(actor.roles) : '/sign-in');
}
