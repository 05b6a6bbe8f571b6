/**
 * The objective a pre-stage applies to one shot folder at the artist's site. Unlike the studio presets
 * (which keep only Open Clips and Batch setups local), it asks for every file under the folder (plates
 * and renders included), because the artist is about to read all of them. It is applied to the shot
 * folder's share path at one site only, so the whole-tree pattern stays scoped to that shot.
 * `place-on-local-volumes` is the objective Hammerspace generates for the `local-volumes` group.
 */
export const SHOT_KEEP_LOCAL = {
  name: 'studio-shot-keep-local',
  preset: 'studio-shot-keep-local',
  expression: `IF FNMATCH("*",PATH) THEN {SLO('place-on-local-volumes')}`,
  description: 'Keeps every file of a pre-staged shot folder on the local volumes of the assigned artist’s site.',
} as const;
