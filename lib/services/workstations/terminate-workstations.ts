/** Terminate one or many workstations (admins only). The typed confirmation is checked here too, not only in the dialog. */
import type { Actor } from '@/lib/domain/auth/actor';
import { changeDesiredState, type ChangeResult, type TWorkstationIds } from './change-desired-state';

export function terminateWorkstations(actor: Actor, input: TWorkstationIds): Promise<ChangeResult> {
  return changeDesiredState(actor, 'terminate', input);
}
