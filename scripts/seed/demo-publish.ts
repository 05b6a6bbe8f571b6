/**
 * The demo studio's published work: the Flame project "Nimbus", two sequences and twelve shots, written
 * where Flame's Shot Publish at the home site would leave them (the default layout under the home site's
 * publish root, i.e. Studio East's `projects` share folder): per shot the shot-level Open Clip with 2–4
 * versions (buildOpenClip, absolute paths under East's mount as Flame writes them) and one Batch setup
 * per version. Then the publish root is indexed once, synchronously, so the Shots page is full at first
 * load; the workers' watcher takes over from there (and finds every clip unchanged).
 */
import fs from 'node:fs';
import path from 'node:path';
import { db } from '../../lib/db/client';
import { buildOpenClip, type TWriteVersion } from '../../lib/domain/openclip';
import { DEFAULT_PUBLISH_LAYOUT, renderPublishPath, versionNameFor, type TPublishTokens } from '../../lib/domain/publish';
import { scanPublishRoot } from '../../lib/services/shots/scan-publish-root';
import type { SimEndpoints } from '../lib/studio';

export const DEMO_PROJECT = 'Nimbus';
export const DEMO_SEQUENCES = [
  { name: 'sq010', shots: ['sh010', 'sh020', 'sh030', 'sh040', 'sh050', 'sh060'] },
  { name: 'sq020', shots: ['sh100', 'sh110', 'sh120', 'sh130', 'sh140', 'sh150'] },
] as const;

const FIRST_FRAME = 1001;
const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 10, 2, 9, 30);

/** A publish path for the demo layout, absolute under `root`; a layout bug is a seed bug, so it throws. */
export function demoPath(root: string, tokens: { kind: 'clip' | 'batch' | 'render' } & TPublishTokens): string {
  const r = renderPublishPath(DEFAULT_PUBLISH_LAYOUT, tokens);
  if (!r.ok) throw new Error(`demo layout: ${r.reason}`);
  return path.join(root, r.path);
}

/** A Batch setup stand-in: the real format is Flame's own; what matters here is that the file exists. */
export function batchSetupText(shot: string, versionName: string, site: string): string {
  return `# Flame Batch setup (demo stand-in)\nshot ${shot}\nversion ${versionName}\nsaved at ${site}\n`;
}

/** One version as Flame's Write File node records it, with its frames and Batch setup under `root`. */
export function demoVersion(root: string, ids: { project: string; sequence: string; shot: string }, n: number, createdAt: Date, frames: number): TWriteVersion {
  const name = versionNameFor(DEFAULT_PUBLISH_LAYOUT, n);
  const last = FIRST_FRAME + frames - 1;
  const range = `[${String(FIRST_FRAME).padStart(8, '0')}-${String(last).padStart(8, '0')}]`;
  return {
    vuid: name,
    name,
    createdAt: createdAt.toISOString().slice(0, 19),
    mediaPath: demoPath(root, { kind: 'render', ...ids, version: n, frame: range, ext: 'exr' }),
    batchSetup: demoPath(root, { kind: 'batch', ...ids, version: n }),
    versionNumber: n,
    startTimecodeFrames: 86_400 + FIRST_FRAME,
  };
}

export async function seedDemoPublish(_opts: { sim: SimEndpoints; dataDir: string }): Promise<void> {
  const home = await db().site.findFirst({ where: { isHome: true }, select: { name: true, publishRoot: true } });
  if (!home?.publishRoot) throw new Error('demo seed: the home site has no publish root');
  const root = home.publishRoot;
  let index = 0;
  for (const sequence of DEMO_SEQUENCES) {
    for (const shot of sequence.shots) {
      const ids = { project: DEMO_PROJECT, sequence: sequence.name, shot };
      const count = 2 + (index % 3);
      const frames = 48 + 24 * (index % 4);
      const versions = Array.from({ length: count }, (_, i) => demoVersion(root, ids, i + 1, new Date(START + (index * 3 + i * 5) * DAY_MS / 4), frames));
      for (const v of versions) write(v.batchSetup as string, batchSetupText(shot, v.name, home.name));
      // Most shots play their newest version; a few are held on an earlier one (a producer's call).
      const currentVersion = index % 5 === 3 ? versions[count - 2]?.vuid : undefined;
      write(demoPath(root, { kind: 'clip', ...ids }), buildOpenClip({ name: shot, versions, currentVersion, appName: 'flame', appVersion: '2026.1' }));
      index++;
    }
  }
  const report = await scanPublishRoot({ concurrency: 4 });
  if (report.errors.length > 0) throw new Error(`demo seed: indexing the publish root failed: ${report.errors.join('; ')}`);
}

function write(abs: string, content: string): void {
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
}
