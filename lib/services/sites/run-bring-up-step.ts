/**
 * The bring-up checklist's steps, by key (see lib/domain/sites/checklists.ts for their order and
 * labels). The runner (run-site-step.ts) calls them one at a time from the `sites:run-step` job.
 */
import { activateStep, launchProfilesStep, launchWorkstationsStep, objectivesStep } from './bring-up-setup';
import { checkAnvilStep, joinNamespaceStep, joinSharesStep, registerStep } from './bring-up-namespace';
import type { TStepHandler } from './step-types';

export const BRING_UP_HANDLERS: Record<string, TStepHandler> = {
  register: registerStep,
  'check-anvil': checkAnvilStep,
  'join-namespace': joinNamespaceStep,
  'join-shares': joinSharesStep,
  objectives: objectivesStep,
  'launch-profiles': launchProfilesStep,
  activate: activateStep,
  'launch-workstations': launchWorkstationsStep,
};
