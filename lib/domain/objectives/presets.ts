import { z } from 'zod';
import { ZObjectiveName } from './objective-name';

// Ready-made objectives for Flame's Shot Publish workflow (seed article, "Custom data
// synchronization via 'Objectives'"). The article's expression is
//   IF FNMATCH("./hs-mount/project/*/flame/*.clip",PATH) THEN {SLO('place-on-local-volumes')}
// but `./hs-mount` is a client mount path while PATH is evaluated on the Anvil as the namespace
// path (hammerspace-api.md §2.5). The presets therefore match on the extension alone: the
// objective is applied to a share path (the project folder), which already scopes it, and
// without FNM_PATHNAME `*` crosses `/`, so `*.clip` covers every depth of the Shot Publish tree.
// `place-on-local-volumes` is the objective Hammerspace generates for the `local-volumes`
// volume group; every site that gets a preset must have it.

export const ZPresetScope = z.enum(['home-site', 'all-sites']);
/** `home-site`: only the Anvil of the site owning the timeline; `all-sites`: every participant. */
export type TPresetScope = z.infer<typeof ZPresetScope>;

export const ZStudioPreset = z.object({
  /** Objective name to create on the Anvil(s). */
  name: ZObjectiveName,
  /** Short label for the UI. */
  title: z.string().min(1),
  description: z.string().min(1),
  expression: z.string().min(1),
  appliesTo: ZPresetScope,
});
export type TStudioPreset = z.infer<typeof ZStudioPreset>;

const PLACE_LOCAL = "SLO('place-on-local-volumes')";

export const STUDIO_PRESETS: readonly TStudioPreset[] = [
  {
    name: 'studio-open-clips-local',
    title: 'Open Clip files always local at the home site',
    description:
      'Keeps every Open Clip (.clip) file on the home site\'s local volumes, whichever site wrote it, '
      + 'so the Flame timeline there sees a remote artist\'s new version as soon as the render updates '
      + 'the clip. Open Clips are small XML files, so the transfer cost is trivial.',
    expression: `IF FNMATCH("*.clip",PATH) THEN {${PLACE_LOCAL}}`,
    appliesTo: 'home-site',
  },
  {
    name: 'studio-batch-setups-local',
    title: 'Batch setups local at the home site',
    description:
      'Keeps Batch setups (.batch) on the home site\'s local volumes, so the setups remote artists save '
      + 'with their renders open at once when the home site reviews or appends them to its own Batch.',
    expression: `IF FNMATCH("*.batch",PATH) THEN {${PLACE_LOCAL}}`,
    appliesTo: 'home-site',
  },
  {
    name: 'studio-shot-setups-local-everywhere',
    title: 'Open Clips and Batch setups local at every site',
    description:
      'Pre-places the published Open Clips and Batch setups on every site\'s local volumes, so a remote '
      + 'artist opens an assigned shot\'s setup without waiting for the first read to cross regions. '
      + 'Frames are left to move on demand.',
    expression: `IF FNMATCH("*.clip",PATH) OR FNMATCH("*.batch",PATH) THEN {${PLACE_LOCAL}}`,
    appliesTo: 'all-sites',
  },
];

/** The preset with this objective name, if any. */
export function findStudioPreset(name: string): TStudioPreset | undefined {
  return STUDIO_PRESETS.find((preset) => preset.name === name);
}
