/** One objective for its edit page: the objective, where it is applied, and the shares it can go to. */
import { findObjective } from '@/lib/db/objectives';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { AppError } from '@/lib/errors';
import { listShareTargets, toObjectiveView } from './list-objectives';

export async function getObjective(actor: Actor, id: string) {
  requireRole(actor, 'admin');
  const row = await findObjective(id);
  if (!row) throw new AppError('NOT_FOUND', 'That objective does not exist (it may have been deleted).');
  return { objective: toObjectiveView(row), shares: await listShareTargets() };
}
