// Public API of the publish layout domain: where Flame's Shot Publish puts a shot's Open Clips,
// Batch setups and frames, described as token patterns, read back into shot identity, rendered
// from it, and mapped between the mount points of different sites. Pure: no filesystem.
//
// Typical use, by the watcher (a clip found on disk) and by the demo seed (where to write one):
//
//   const rel = relativeToRoot('/mnt/hs/east/projects/acme/sequences/sq010/sh010/sh010.clip', siteRoot);
//   const hit = rel === null ? null : matchPublishPath(layout, rel);
//   // → { kind: 'clip', project: 'acme', sequence: 'sq010', shot: 'sh010', version: null, … }
//
//   const frames = renderPublishPath(layout, {
//     kind: 'render', project: 'acme', sequence: 'sq010', shot: 'sh010', version: 4, frame: '{frame}', ext: 'exr',
//   });
//   // → { ok: true, path: 'acme/sequences/sq010/sh010/renders/sh010_v004/sh010_v004.{frame}.exr' }
//
//   mapPath('/mnt/hs/east/projects/acme/x.exr', '/mnt/hs/east/projects', '/mnt/hs/west/projects');
//   // → '/mnt/hs/west/projects/acme/x.exr'
//
// Kinds: 'clip' is the shot-level Open Clip, the one that gains versions when the published batch
// renders; 'segment-clip' the per-segment source clips; 'batch' the Batch setups (one per
// version); 'render' the frames the batch's Write File writes; 'source' the published plates.
//
// A project's layout is `mergeLayout(PUBLISH_LAYOUTS[name] ?? DEFAULT_PUBLISH_LAYOUT, override)`,
// with the override kept in the project's settings.

/** Layout schema, ready-made layouts (`default`, ShotGrid Toolkit, LOGIK) and per-project overrides. */
export {
  ZPublishLayout,
  ZPublishLayoutOverride,
  ZPublishKind,
  DEFAULT_PUBLISH_LAYOUT,
  SHOTGRID_PUBLISH_LAYOUT,
  LOGIK_PUBLISH_LAYOUT,
  PUBLISH_LAYOUTS,
  mergeLayout,
  type TPublishLayout,
  type TPublishLayoutInput,
  type TPublishLayoutOverride,
  type TPublishKind,
} from './layout';

/** Path under the projects root → { kind, project, sequence, shot, version… }, and back. */
export { matchPublishPath, renderPublishPath, versionNameFor, type TPublishMatch, type TPublishTokens, type TRenderResult } from './match';

/** Flame token vocabulary (`<shot name>`, `<version name>`, `<iteration###>`…) and its aliases. */
export { parsePattern, TOKEN_KEYS, type TTokenKey, type TPatternPart } from './tokens';

/** Site root mapping (`/mnt/hs/east/projects` ↔ `/mnt/hs/west/projects`). */
export { mapPath, mapToSite, relativeToRoot, normalizeRelative, type TSiteRoot } from './path-map';
