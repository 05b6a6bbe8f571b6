/** Stop one or many workstations: the intent is written now, the reconciler makes EC2 follow. */
import type { Actor } from '@/lib/domain/auth/actor';
import { changeDesiredState, type ChangeResult, type TWorkstationIds } from './change-desired-state';

export function stopWorkstations(actor: Actor, input: TWorkstationIds): Promise<ChangeResult> {
  return changeDesiredState(actor, 'stop', input);
}
